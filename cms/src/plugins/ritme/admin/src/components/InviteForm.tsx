/** Create a pilot invite: a name, an optional email and an expiry date (30 days ahead by default). */
import type { PilotInviteCreate } from '@ritme/shared';
import { Box, Button, DatePicker, Field, Grid, TextInput, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import * as React from 'react';
import { fieldErrors } from '../api';
import { useT } from '../utils/useT';

const DAY = 24 * 60 * 60 * 1000;
const today = () => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
};
/** An invite works until the end of its expiry day, in the editor's time zone. */
const endOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate(), 23, 59, 59);

interface Props {
  /** Resolves when created; rejects with the request error so the form can show field errors. */
  onCreate: (input: PilotInviteCreate) => Promise<void>;
}

export function InviteForm({ onCreate }: Props) {
  const t = useT();
  const [name, setName] = React.useState('');
  const [email, setEmail] = React.useState('');
  const [expires, setExpires] = React.useState<Date | undefined>(() => new Date(today().getTime() + 30 * DAY));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = t('ritme.invite.form.nameRequired');
    if (!expires) local.expiresAt = t('ritme.invite.form.expiryRequired');
    setErrors(local);
    if (!expires || Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await onCreate({
        name: name.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        expiresAt: endOfDay(expires).toISOString(),
      });
      setName('');
      setEmail('');
      setExpires(new Date(today().getTime() + 30 * DAY));
    } catch (caught) {
      setErrors(fieldErrors(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box tag="form" onSubmit={submit} noValidate background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Typography variant="delta" tag="h2">
        {t('ritme.invite.form.title')}
      </Typography>
      <Box paddingTop={1} paddingBottom={4}>
        <Typography variant="pi" textColor="neutral600">
          {t('ritme.invite.form.intro')}
        </Typography>
      </Box>
      <Grid.Root gap={4}>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="name" required error={errors.name}>
            <Field.Label>{t('ritme.invite.name')}</Field.Label>
            <TextInput value={name} maxLength={100} onChange={(event) => setName(event.target.value)} />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="email" error={errors.email} hint={t('ritme.invite.form.emailHint')}>
            <Field.Label>{t('ritme.invite.email')}</Field.Label>
            <TextInput type="email" value={email} maxLength={254} onChange={(event) => setEmail(event.target.value)} />
            <Field.Error />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="expiresAt" required error={errors.expiresAt}>
            <Field.Label>{t('ritme.invite.expires')}</Field.Label>
            <DatePicker
              value={expires}
              minDate={today()}
              onChange={setExpires}
              clearLabel={t('ritme.invite.form.clearDate')}
            />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="flex-end">
          <Button type="submit" startIcon={<Plus />} loading={busy}>
            {t('ritme.invite.form.submit')}
          </Button>
        </Grid.Item>
      </Grid.Root>
    </Box>
  );
}
