/** A round's state (upcoming, open, closed, closed for good) and its answers against the minimum. */
import type { AdminRoundState, AdminRoundSummary } from '@ritme/shared';
import { Flex, Status, type StatusVariant, Typography } from '@strapi/design-system';
import { useT } from '../utils/useT';

const VARIANT: Record<AdminRoundState, StatusVariant> = {
  upcoming: 'secondary',
  open: 'success',
  closed: 'warning',
  closed_for_good: 'neutral',
};

export function RoundStateBadge({ state }: { state: AdminRoundState }) {
  const t = useT();
  return (
    <Flex>
      <Status variant={VARIANT[state]} size="S">
        <Typography variant="omega" fontWeight="bold">
          {t(`ritme.rounds.state.${state}`)}
        </Typography>
      </Status>
    </Flex>
  );
}

/** "4 of 5 answers needed" — or "7 answers (5 needed)" once the minimum is reached. */
export function AnswerCount({ round }: { round: Pick<AdminRoundSummary, 'responses' | 'minimum'> }) {
  const t = useT();
  const values = { count: round.responses, minimum: round.minimum };
  return (
    <Typography>
      {round.responses >= round.minimum
        ? t('ritme.rounds.count.reached', values)
        : t('ritme.rounds.count.below', values)}
    </Typography>
  );
}
