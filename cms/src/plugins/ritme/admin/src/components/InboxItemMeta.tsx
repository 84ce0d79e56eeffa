/** What an inbox item is about and who sent it: only the fields the API gives. */
import type { InboxItem } from '@ritme/shared';
import { Box, Flex, Typography } from '@strapi/design-system';
import type * as React from 'react';
import { useFormatDate, useT } from '../utils/useT';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Typography variant="pi" textColor="neutral600">
      {label}:{' '}
      <Typography variant="pi" fontWeight="bold" textColor="neutral800">
        {children}
      </Typography>
    </Typography>
  );
}

export function InboxItemMeta({ item }: { item: InboxItem }) {
  const t = useT();
  const formatDate = useFormatDate();
  const author = item.author ?? t('ritme.item.anonymous');
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={4} wrap="wrap">
        <Fact label={t('ritme.item.author')}>{item.email ? `${author} <${item.email}>` : author}</Fact>
        {item.section && <Fact label={t('ritme.item.section')}>#{item.section}</Fact>}
        {item.build && <Fact label={t('ritme.item.build')}>{item.build}</Fact>}
        {item.locale && <Fact label={t('ritme.item.locale')}>{item.locale.toUpperCase()}</Fact>}
        {item.kind === 'feedback' && (
          <Fact label={t('ritme.item.showName')}>{t(item.showName ? 'ritme.item.yes' : 'ritme.item.no')}</Fact>
        )}
        {item.changedInBuild && (
          <Fact label={t('ritme.item.changedIn')}>
            {t('ritme.item.changedInValue', { build: item.changedInBuild, date: formatDate(item.changedAt) })}
          </Fact>
        )}
      </Flex>
      {item.contentRefs.length > 0 && (
        <Flex gap={2} wrap="wrap">
          <Typography variant="pi" textColor="neutral600">
            {t('ritme.item.contentRefs')}:
          </Typography>
          {item.contentRefs.map((ref) => (
            // Not a Badge: badges upper-case their text, and a ref is case-sensitive.
            <Box key={ref} tag="code" background="neutral150" hasRadius paddingLeft={2} paddingRight={2}>
              <Typography variant="pi" textColor="neutral800" style={{ fontFamily: 'monospace' }}>
                {ref}
              </Typography>
            </Box>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
