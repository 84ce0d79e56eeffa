/** The suggestion form: an idea, problem, question or praise, sent to the Ritme plugin. */
import { useEffect, useId, useState } from 'react';
import {
  Alert,
  describedBy,
  Field,
  Form,
  type FormTexts,
  Honeypot,
  SubmitButton,
  Thanks,
  useSubmission,
} from './form-parts';
import { draftStore } from './submit';

export interface SuggestionTexts extends FormTexts {
  message: string;
  category: string;
  name: string;
  email: string;
  submit: string;
  another: string;
  characters: string;
}

interface Props {
  endpoint: string;
  texts: SuggestionTexts;
  categories: Record<string, string>;
  limits: { message: number; name: number; email: number };
  pagePath?: string;
}

const EMPTY = { message: '', category: 'idea', name: '', email: '' };
const DRAFT = 'ritme:suggestion-draft';

export default function SuggestionForm({ endpoint, texts, categories, limits, pagePath }: Props) {
  const id = useId();
  const drafts = draftStore(DRAFT);
  const [values, setValues] = useState(EMPTY);
  const [honeypot, setHoneypot] = useState('');
  const { status, submit, alertRef, confirmationRef, reset } = useSubmission(
    endpoint,
    texts,
    () => {
      drafts.clear();
      setValues(EMPTY);
    },
    `${DRAFT}:key`,
  );
  // Restore an unsent draft once, after hydration (the server-rendered form is empty).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount by design.
  useEffect(() => setValues(drafts.load(EMPTY)), []);

  const update = (field: keyof typeof EMPTY, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    drafts.save(next);
  };

  const sent = status.state === 'sent';
  const confirmation = (
    <Thanks sent={sent} title={texts.thanksTitle} body={texts.thanksBody} confirmationRef={confirmationRef}>
      <button type="button" className="cta" onClick={reset}>
        {texts.another}
      </button>
    </Thanks>
  );
  if (sent) return confirmation;

  const data = {
    message: values.message,
    category: values.category,
    ...(values.name.trim() ? { name: values.name } : {}),
    ...(values.email.trim() ? { email: values.email.trim() } : {}),
    ...(pagePath ? { pagePath } : {}),
  };
  const err = status.fields;

  return (
    <>
      {confirmation}
      <Form onSubmit={() => void submit(data, honeypot)}>
        <Alert message={status.alert} alertRef={alertRef} />
        <Field id={`${id}-category`} label={texts.category} error={err.category}>
          <select
            id={`${id}-category`}
            value={values.category}
            onChange={(e) => update('category', e.target.value)}
            {...describedBy(`${id}-category`, err.category)}
          >
            {Object.entries(categories).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={`${id}-message`}
          label={texts.message}
          error={err.message}
          hint={texts.characters
            .replace('{used}', String(values.message.length))
            .replace('{max}', String(limits.message))}
        >
          <textarea
            id={`${id}-message`}
            required
            maxLength={limits.message}
            value={values.message}
            onChange={(e) => update('message', e.target.value)}
            {...describedBy(`${id}-message`, err.message, true)}
          />
        </Field>
        <Field id={`${id}-name`} label={texts.name} error={err.name}>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="name"
            maxLength={limits.name}
            value={values.name}
            onChange={(e) => update('name', e.target.value)}
            {...describedBy(`${id}-name`, err.name)}
          />
        </Field>
        <Field id={`${id}-email`} label={texts.email} error={err.email}>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="email"
            maxLength={limits.email}
            value={values.email}
            onChange={(e) => update('email', e.target.value)}
            {...describedBy(`${id}-email`, err.email)}
          />
        </Field>
        <Honeypot label={texts.honeypot} value={honeypot} onChange={setHoneypot} />
        <SubmitButton sending={status.state === 'sending'} label={texts.submit} sendingLabel={texts.sending} />
      </Form>
    </>
  );
}
