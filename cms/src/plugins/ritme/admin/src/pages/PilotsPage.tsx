/** Pilot invites: create one (its link is shown once), list them, revoke one. */
import type { PilotInvite, PilotInviteCreate, PilotInviteCreated } from '@ritme/shared';
import { Flex, Typography } from '@strapi/design-system';
import { User } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { errorMessage, useRitmeApi } from '../api';
import { InviteForm } from '../components/InviteForm';
import { InviteLinkNotice } from '../components/InviteLinkNotice';
import { InviteTable } from '../components/InviteTable';
import { Empty, LoadError, Loading } from '../components/LoadStates';
import { useT } from '../utils/useT';

export function PilotsPage() {
  const t = useT();
  const api = useRitmeApi();
  const { toggleNotification } = useNotification();
  const [invites, setInvites] = React.useState<PilotInvite[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [created, setCreated] = React.useState<PilotInviteCreated | null>(null);

  const load = React.useCallback(async () => {
    try {
      setInvites(await api.invites());
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [api]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const create = async (input: PilotInviteCreate) => {
    try {
      setCreated(await api.createInvite(input));
    } catch (caught) {
      toggleNotification({ type: 'danger', title: t('ritme.invite.createFailed'), message: errorMessage(caught) });
      throw caught;
    }
    await load();
  };

  const revoke = async (invite: PilotInvite) => {
    try {
      await api.revokeInvite(invite.documentId);
      toggleNotification({ type: 'success', message: t('ritme.invite.revoked', { name: invite.name }) });
    } catch (caught) {
      toggleNotification({ type: 'danger', title: t('ritme.invite.revokeFailed'), message: errorMessage(caught) });
    }
    await load();
  };

  let list: React.ReactNode;
  if (error) list = <LoadError message={error} onRetry={() => void load()} />;
  else if (!invites) list = <Loading label={t('ritme.invite.loading')} />;
  else if (invites.length === 0)
    list = <Empty icon={<User width="6rem" height="6rem" />} content={t('ritme.invite.empty')} />;
  else list = <InviteTable invites={invites} onRevoke={revoke} />;

  return (
    <Flex direction="column" alignItems="stretch" gap={6} paddingTop={6}>
      {created && <InviteLinkNotice invite={created} onDismiss={() => setCreated(null)} />}
      <InviteForm onCreate={create} />
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {t('ritme.invite.list')}
        </Typography>
        {list}
      </Flex>
    </Flex>
  );
}
