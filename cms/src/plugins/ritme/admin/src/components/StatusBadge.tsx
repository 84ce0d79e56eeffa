/** The colour-coded state of an inbox item or a pilot invite. */
import type { InviteState, SuggestionStatus } from '@ritme/shared';
import { Flex, Status, type StatusVariant, Typography } from '@strapi/design-system';
import { useT } from '../utils/useT';

const STATUS_VARIANT: Record<SuggestionStatus, StatusVariant> = {
  new: 'secondary',
  planned: 'alternative',
  in_progress: 'warning',
  done: 'success',
  declined: 'neutral',
};

const STATE_VARIANT: Record<InviteState, StatusVariant> = {
  active: 'success',
  expired: 'neutral',
  revoked: 'danger',
};

export function ItemStatus({ status }: { status: SuggestionStatus }) {
  const t = useT();
  return (
    <Flex>
      <Status variant={STATUS_VARIANT[status]} size="S">
        <Typography variant="omega" fontWeight="bold">
          {t(`ritme.status.${status}`)}
        </Typography>
      </Status>
    </Flex>
  );
}

export function InviteStatus({ state }: { state: InviteState }) {
  const t = useT();
  return (
    <Flex>
      <Status variant={STATE_VARIANT[state]} size="S">
        <Typography variant="omega" fontWeight="bold">
          {t(`ritme.invite.state.${state}`)}
        </Typography>
      </Status>
    </Flex>
  );
}
