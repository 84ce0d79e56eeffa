/** The pilot invites, newest first, with a Revoke button on the ones still active. */
import type { PilotInvite } from '@ritme/shared';
import { Button, Dialog, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import * as React from 'react';
import { type MessageKey, useFormatDate, useT } from '../utils/useT';
import { InviteStatus } from './StatusBadge';

const COLUMNS: MessageKey[] = [
  'ritme.invite.name',
  'ritme.invite.email',
  'ritme.invite.expires',
  'ritme.invite.state',
  'ritme.invite.lastUsed',
];

function RevokeButton({ invite, onRevoke }: { invite: PilotInvite; onRevoke: (invite: PilotInvite) => Promise<void> }) {
  const t = useT();
  const [open, setOpen] = React.useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="danger-light" size="S" startIcon={<Cross />}>
          {t('ritme.invite.revoke')}
        </Button>
      </Dialog.Trigger>
      <ConfirmDialog
        title={t('ritme.invite.revokeTitle')}
        variant="danger"
        onConfirm={async () => {
          await onRevoke(invite);
          setOpen(false);
        }}
      >
        {t('ritme.invite.revokeConfirm', { name: invite.name })}
      </ConfirmDialog>
    </Dialog.Root>
  );
}

export function InviteTable({
  invites,
  onRevoke,
}: {
  invites: PilotInvite[];
  onRevoke: (invite: PilotInvite) => Promise<void>;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <Table colCount={COLUMNS.length + 1} rowCount={invites.length + 1}>
      <Thead>
        <Tr>
          {COLUMNS.map((column) => (
            <Th key={column}>
              <Typography variant="sigma">{t(column)}</Typography>
            </Th>
          ))}
          <Th>
            <Typography variant="sigma">{t('ritme.invite.actions')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {invites.map((invite) => (
          <Tr key={invite.documentId}>
            <Td>
              <Typography fontWeight="bold">{invite.name}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{invite.email ?? '—'}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{formatDate(invite.expiresAt)}</Typography>
            </Td>
            <Td>
              <InviteStatus state={invite.state} />
            </Td>
            <Td>
              <Typography textColor="neutral800">
                {invite.lastUsedAt ? formatDate(invite.lastUsedAt, true) : t('ritme.invite.neverUsed')}
              </Typography>
            </Td>
            <Td>{invite.revoked ? null : <RevokeButton invite={invite} onRevoke={onRevoke} />}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
