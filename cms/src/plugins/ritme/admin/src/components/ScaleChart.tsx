/**
 * The answers to a scale question (1 to 5) as a bar chart: one bar per value,
 * each with its number of answers as text, so the chart reads the same to a
 * screen reader as to the eye (the bars themselves are decoration).
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/useT';

export function ScaleChart({ counts }: { counts: number[] }) {
  const t = useT();
  const highest = Math.max(1, ...counts);
  return (
    <Box tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {counts.map((count, index) => {
        const value = index + 1;
        return (
          <Flex tag="li" key={value} gap={2} alignItems="center" paddingTop={1} paddingBottom={1}>
            {/* The value is said in the count's text: shown here for the eye only. */}
            <Typography aria-hidden fontWeight="bold" style={{ minWidth: '1.5rem' }}>
              {value}
            </Typography>
            <Box
              aria-hidden
              background="primary600"
              hasRadius
              style={{ height: '1.25rem', width: `${(count / highest) * 60}%`, minWidth: count > 0 ? '0.25rem' : 0 }}
            />
            <Typography>{t('ritme.rounds.scale.count', { value, count })}</Typography>
          </Flex>
        );
      })}
    </Box>
  );
}
