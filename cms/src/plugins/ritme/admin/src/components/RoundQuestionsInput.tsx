/**
 * The round questions field in the Content Manager: an ordered list of
 * questions, each with a text field per enabled language, moved with buttons
 * (keyboard-usable, named per question) instead of edited as JSON. A new
 * question's key is made from its first label when the editor leaves that
 * field, and never changes after; the editor never types it. A question is
 * open (answered in words) unless ticked as a scale from 1 to 5.
 */
import {
  defaultStoredQuestions,
  MAX_QUESTION_LABEL,
  MAX_ROUND_QUESTIONS,
  questionKey,
  type StoredQuestion,
  storedQuestionsOf,
} from '@ritme/shared';
import { Box, Button, Checkbox, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { useT } from '../utils/useT';

type Locale = { code: string; name: string; isDefault?: boolean };

interface Props {
  name: string;
  label?: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  value?: unknown;
  onChange: (name: string, value: unknown) => void;
}

const FALLBACK_LOCALES: Locale[] = [
  { code: 'nl', name: 'Dutch (nl)', isDefault: true },
  { code: 'en', name: 'English (en)' },
];

/** The enabled locales, the default first (Dutch and English until Strapi's i18n answers). */
function useLocales(): Locale[] {
  const { get } = useFetchClient();
  const [locales, setLocales] = React.useState<Locale[]>(FALLBACK_LOCALES);
  React.useEffect(() => {
    let live = true;
    get<Locale[]>('/i18n/locales')
      .then(({ data }) => {
        if (live && Array.isArray(data) && data.length > 0) {
          setLocales([...data].sort((a, b) => Number(Boolean(b.isDefault)) - Number(Boolean(a.isDefault))));
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [get]);
  return locales;
}

/** The language of the entry being edited, from the Content Manager's URL. */
const editedLocale = () => new URLSearchParams(window.location.search).get('plugins[i18n][locale]') ?? 'nl';

export function RoundQuestionsInput({ name, label, hint, error, required, disabled, value, onChange }: Props) {
  const t = useT();
  const locales = useLocales();
  const questions: StoredQuestion[] = React.useMemo(
    () => storedQuestionsOf(value, editedLocale()) ?? (Array.isArray(value) ? (value as StoredQuestion[]) : []),
    [value],
  );
  // Questions added here whose key still follows their first label (until the editor leaves that field).
  const [pendingKeys, setPendingKeys] = React.useState<Set<number>>(() => new Set());
  // A React key per position that survives a key being made while typing (so the field keeps focus).
  const ids = React.useRef<number[]>([]);
  const nextId = React.useRef(0);
  const newId = () => {
    nextId.current += 1;
    return nextId.current;
  };
  if (ids.current.length !== questions.length) ids.current = questions.map(newId);

  // A new round starts with the seed's three questions, in every language.
  const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  React.useEffect(() => {
    if (empty && !disabled) onChange(name, defaultStoredQuestions());
  }, [empty, disabled, name, onChange]);

  const save = (next: StoredQuestion[]) => onChange(name, next);
  const setLabel = (index: number, locale: string, text: string) => {
    const next = questions.map((question, at) => {
      if (at !== index) return question;
      const labels = { ...question.label, [locale]: text };
      if (!pendingKeys.has(index)) return { ...question, label: labels };
      const others = questions.filter((_, other) => other !== index).map((known) => known.key);
      return { key: text.trim() ? questionKey(text, others) : '', label: labels };
    });
    save(next);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...questions];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + by, 0, moved);
    const [id] = ids.current.splice(index, 1);
    ids.current.splice(index + by, 0, id ?? newId());
    setPendingKeys(new Set());
    save(next);
  };
  const remove = (index: number) => {
    setPendingKeys(new Set());
    ids.current.splice(index, 1);
    save(questions.filter((_, at) => at !== index));
  };
  const add = () => {
    setPendingKeys(new Set([...pendingKeys, questions.length]));
    ids.current.push(newId());
    save([...questions, { key: '', label: {} }]);
  };
  const setScale = (index: number, scale: boolean) =>
    save(
      questions.map((question, at) => {
        if (at !== index) return question;
        const { kind: _, ...open } = question;
        return scale ? { ...open, kind: 'scale' as const } : open;
      }),
    );
  const fixKey = (index: number) => {
    if (!pendingKeys.has(index) || !questions[index]?.key) return;
    const next = new Set(pendingKeys);
    next.delete(index);
    setPendingKeys(next);
  };

  return (
    <Field.Root name={name} error={error} hint={hint} required={required}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Field.Label>{label}</Field.Label>
        <Box tag="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {questions.map((question, index) => {
            const n = index + 1;
            return (
              <Box
                tag="li"
                key={ids.current[index]}
                padding={4}
                marginBottom={3}
                hasRadius
                borderColor="neutral200"
                background="neutral100"
              >
                <Flex
                  role="group"
                  aria-label={t('ritme.questions.question', { n })}
                  direction="column"
                  alignItems="stretch"
                  gap={3}
                >
                  <Flex justifyContent="space-between" alignItems="center">
                    <Typography tag="span" variant="delta">
                      {t('ritme.questions.question', { n })}
                    </Typography>
                    <Flex gap={1}>
                      <IconButton
                        label={t('ritme.questions.moveUp', { n })}
                        disabled={disabled || index === 0}
                        onClick={() => move(index, -1)}
                      >
                        <ArrowUp />
                      </IconButton>
                      <IconButton
                        label={t('ritme.questions.moveDown', { n })}
                        disabled={disabled || index === questions.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        <ArrowDown />
                      </IconButton>
                      <IconButton
                        label={t('ritme.questions.remove', { n })}
                        disabled={disabled || questions.length <= 1}
                        onClick={() => remove(index)}
                      >
                        <Trash />
                      </IconButton>
                    </Flex>
                  </Flex>
                  {locales.map((locale) => (
                    <Field.Root key={locale.code} name={`${name}.${index}.label.${locale.code}`}>
                      <Field.Label>{t('ritme.questions.label', { n, language: locale.name })}</Field.Label>
                      <TextInput
                        value={question.label[locale.code] ?? ''}
                        maxLength={MAX_QUESTION_LABEL}
                        disabled={disabled}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                          setLabel(index, locale.code, event.target.value)
                        }
                        onBlur={() => fixKey(index)}
                      />
                    </Field.Root>
                  ))}
                  <Checkbox
                    checked={question.kind === 'scale'}
                    disabled={disabled}
                    onCheckedChange={(checked) => setScale(index, checked === true)}
                  >
                    {t('ritme.questions.scale')}
                  </Checkbox>
                  <Typography variant="pi" textColor="neutral600">
                    {question.key ? t('ritme.questions.key', { key: question.key }) : t('ritme.questions.keyPending')}
                  </Typography>
                </Flex>
              </Box>
            );
          })}
        </Box>
        <Box>
          <Button
            variant="secondary"
            startIcon={<Plus />}
            disabled={disabled || questions.length >= MAX_ROUND_QUESTIONS}
            onClick={add}
          >
            {t('ritme.questions.add')}
          </Button>
        </Box>
        <Field.Hint />
        <Field.Error />
      </Flex>
    </Field.Root>
  );
}

export default RoundQuestionsInput;
