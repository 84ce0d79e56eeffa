/** The new invite's link, shown once: only a hash of its token is stored. */
import type { PilotInviteCreated } from '@ritme/shared';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Duplicate, WarningCircle } from '@strapi/icons';
import { useClipboard, useNotification } from '@strapi/strapi/admin';
import { useT } from '../utils/useT';

export function InviteLinkNotice({ invite, onDismiss }: { invite: PilotInviteCreated; onDismiss: () => void }) {
  const t = useT();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();

  const copyLink = async () => {
    const copied = await copy(invite.link);
    toggleNotification(
      copied
        ? { type: 'success', message: t('ritme.invite.link.copied') }
        : { type: 'warning', message: t('ritme.invite.link.copyFailed') },
    );
  };

  return (
    <Box role="status" background="success100" borderColor="success200" hasRadius padding={6} shadow="tableShadow">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {t('ritme.invite.link.title', { name: invite.name })}
        </Typography>
        <Flex gap={2} alignItems="flex-end">
          <Field.Root name="inviteLink" flex="1">
            <Field.Label>{t('ritme.invite.link.label')}</Field.Label>
            <TextInput value={invite.link} readOnly onFocus={(event) => event.currentTarget.select()} />
          </Field.Root>
          <Button size="L" startIcon={<Duplicate />} onClick={copyLink}>
            {t('ritme.invite.link.copy')}
          </Button>
        </Flex>
        <Flex gap={2} alignItems="flex-start">
          <WarningCircle fill="warning600" width="2rem" height="2rem" aria-hidden />
          <Typography fontWeight="bold" textColor="warning700">
            {t('ritme.invite.link.once')}
          </Typography>
        </Flex>
        <Flex justifyContent="flex-end">
          <Button variant="tertiary" onClick={onDismiss}>
            {t('ritme.invite.link.dismiss')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
}
