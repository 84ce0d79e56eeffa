/**
 * An editor's answer to an inbox item: status, a private reply, the public
 * summary per language (the only text the public board shows), and "changed
 * in build X" (which makes it done): one of the builds the build service
 * reports when there is one, free text otherwise.
 */
import type { BuildStatus, InboxEmailReply, InboxItem, InboxUpdate, SuggestionStatus } from '@ritme/shared';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Check, Mail } from '@strapi/icons';
import * as React from 'react';
import { STATUSES } from '../constants';
import { useFormatDate, useT } from '../utils/useT';

/** A standing note (not a dismissible alert: it stays true while the editor is open). */
const Notice = ({ tone, children }: { tone: 'neutral' | 'warning'; children: React.ReactNode }) => (
  <Box
    background={tone === 'warning' ? 'warning100' : 'neutral100'}
    borderColor={tone === 'warning' ? 'warning200' : 'neutral200'}
    hasRadius
    padding={3}
  >
    <Typography tag="p" variant="omega">
      {children}
    </Typography>
  </Box>
);

interface Props {
  item: InboxItem;
  builds: BuildStatus['history'] | null;
  onSave: (update: InboxUpdate) => Promise<boolean>;
  onClose: () => void;
  /** Null when this editor may not e-mail replies. */
  email: { configured: boolean; onSend: (reply: InboxEmailReply) => Promise<boolean> } | null;
}

export function InboxItemEditor({ item, builds, onSave, onClose, email }: Props) {
  const t = useT();
  const formatDate = useFormatDate();
  const offered = builds?.filter((entry) => entry.ok) ?? [];
  const [status, setStatus] = React.useState<SuggestionStatus>(item.status);
  const [reply, setReply] = React.useState(item.reply ?? '');
  const [summary, setSummary] = React.useState({ nl: item.publicSummary.nl ?? '', en: item.publicSummary.en ?? '' });
  const [build, setBuild] = React.useState('');
  const [busy, setBusy] = React.useState<'answer' | 'build' | 'email' | null>(null);
  // A second click before React re-renders the disabled button must not send again.
  const sending = React.useRef(false);
  const id = `${item.kind}-${item.documentId}`;

  const answer: InboxUpdate = {
    ...(status !== item.status ? { status } : {}),
    ...(reply.trim() !== (item.reply ?? '') ? { reply: reply.trim() } : {}),
    ...(summary.nl.trim() !== (item.publicSummary.nl ?? '') || summary.en.trim() !== (item.publicSummary.en ?? '')
      ? { publicSummary: { nl: summary.nl.trim(), en: summary.en.trim() } }
      : {}),
  };
  const canSend = email?.configured && item.kind === 'suggestion' && item.email !== null;
  const send = async () => {
    if (sending.current) return;
    sending.current = true;
    setBusy('email');
    // On failure the editor stays open with the text as typed.
    await email?.onSend({ reply: reply.trim(), ...(status !== item.status ? { status } : {}) });
    sending.current = false;
    setBusy(null);
  };
  const save = async (which: 'answer' | 'build', update: InboxUpdate) => {
    setBusy(which);
    const saved = await onSave(update);
    setBusy(null);
    if (saved && which === 'build') setBuild('');
  };

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <Field.Root name="status" id={`${id}-status`}>
          <Field.Label>{t('ritme.edit.status')}</Field.Label>
          <SingleSelect size="S" value={status} onChange={(value) => setStatus(value as SuggestionStatus)}>
            {STATUSES.map((value) => (
              <SingleSelectOption key={value} value={value}>
                {t(`ritme.status.${value}`)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={9} s={12} direction="column" alignItems="stretch">
        <Field.Root name="reply" id={`${id}-reply`} hint={t(canSend ? 'ritme.edit.emailHint' : 'ritme.edit.replyHint')}>
          <Field.Label>{t('ritme.edit.reply')}</Field.Label>
          <Textarea value={reply} maxLength={4000} onChange={(event) => setReply(event.target.value)} />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
      {(['nl', 'en'] as const).map((locale) => (
        <Grid.Item key={locale} col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name={`summary-${locale}`} id={`${id}-summary-${locale}`} hint={t('ritme.edit.summaryHint')}>
            <Field.Label>{t(locale === 'nl' ? 'ritme.edit.summaryNl' : 'ritme.edit.summaryEn')}</Field.Label>
            <Textarea
              value={summary[locale]}
              maxLength={600}
              onChange={(event) => setSummary({ ...summary, [locale]: event.target.value })}
            />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
      ))}
      {item.kind === 'suggestion' && email !== null && (
        <Grid.Item col={12} direction="column" alignItems="stretch">
          {item.email === null ? (
            <Notice tone="neutral">{t('ritme.edit.noEmail')}</Notice>
          ) : !email.configured ? (
            <Notice tone="warning">{t('ritme.edit.mailNotConfigured')}</Notice>
          ) : null}
        </Grid.Item>
      )}
      <Grid.Item col={12} justifyContent="flex-end" gap={2}>
        <Button variant="tertiary" onClick={onClose} disabled={busy !== null}>
          {t('ritme.edit.close')}
        </Button>
        <Button
          variant="secondary"
          loading={busy === 'answer'}
          disabled={busy !== null || Object.keys(answer).length === 0}
          onClick={() => save('answer', answer)}
        >
          {t('ritme.edit.save')}
        </Button>
        {canSend && (
          <Button
            startIcon={<Mail />}
            loading={busy === 'email'}
            disabled={busy !== null || reply.trim() === ''}
            onClick={() => void send()}
          >
            {t('ritme.edit.sendEmail', { to: item.email ?? '' })}
          </Button>
        )}
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <Flex gap={2} alignItems="flex-end">
          <Field.Root name="changedInBuild" id={`${id}-build`} flex="1">
            <Field.Label>{t('ritme.edit.changedInBuild')}</Field.Label>
            {offered.length > 0 ? (
              <SingleSelect
                size="S"
                value={build}
                placeholder={item.changedInBuild ?? t('ritme.edit.buildChoose')}
                onChange={(value) => setBuild(String(value))}
              >
                {offered.map((entry) => (
                  <SingleSelectOption key={entry.id} value={entry.id}>
                    {t('ritme.edit.buildOption', { build: entry.id, date: formatDate(entry.finishedAt, true) })}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            ) : (
              <TextInput
                size="S"
                value={build}
                maxLength={80}
                placeholder={item.changedInBuild ?? t('ritme.edit.buildPlaceholder')}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setBuild(event.target.value)}
              />
            )}
          </Field.Root>
          <Button
            startIcon={<Check />}
            loading={busy === 'build'}
            disabled={busy !== null || build.trim() === ''}
            onClick={() => save('build', { changedInBuild: build.trim() })}
          >
            {t('ritme.edit.markChanged')}
          </Button>
        </Flex>
      </Grid.Item>
    </Grid.Root>
  );
}
