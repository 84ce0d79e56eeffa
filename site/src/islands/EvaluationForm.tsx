/** The evaluation round form: the round's questions, answered anonymously. */
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

export interface EvaluationTexts extends FormTexts {
  submit: string;
  anonymous: string;
  characters: string;
}

interface Props {
  endpoint: string;
  round: string;
  questions: { key: string; label: string }[];
  texts: EvaluationTexts;
  maxLength: number;
}

export default function EvaluationForm({ endpoint, round, questions, texts, maxLength }: Props) {
  const id = useId();
  const drafts = draftStore(`ritme:round-draft:${round}`);
  const empty = Object.fromEntries(questions.map((q) => [q.key, ''])) as Record<string, string>;
  const [answers, setAnswers] = useState(empty);
  const [honeypot, setHoneypot] = useState('');
  const { status, submit, alertRef } = useSubmission(endpoint, texts, () => {
    drafts.clear();
    setAnswers(empty);
  });
  // Restore an unsent draft once, after hydration (the server-rendered form is empty).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount by design.
  useEffect(() => setAnswers(drafts.load(empty)), []);

  if (status.state === 'sent') return <Thanks title={texts.thanksTitle} body={texts.thanksBody} />;

  const err = status.fields;
  return (
    <Form onSubmit={() => void submit({ round, answers }, honeypot)}>
      <p>{texts.anonymous}</p>
      <Alert message={status.alert ?? null} alertRef={alertRef} />
      {err.answers && <p className="field-error">{err.answers}</p>}
      {questions.map((question) => {
        const fieldId = `${id}-${question.key}`;
        const error = err[`answers.${question.key}`];
        return (
          <Field
            key={question.key}
            id={fieldId}
            label={question.label}
            error={error}
            hint={texts.characters
              .replace('{used}', String(answers[question.key]?.length ?? 0))
              .replace('{max}', String(maxLength))}
          >
            <textarea
              id={fieldId}
              maxLength={maxLength}
              value={answers[question.key] ?? ''}
              onChange={(e) => {
                const next = { ...answers, [question.key]: e.target.value };
                setAnswers(next);
                drafts.save(next);
              }}
              {...describedBy(fieldId, error, true)}
            />
          </Field>
        );
      })}
      <Honeypot label={texts.honeypot} value={honeypot} onChange={setHoneypot} />
      <SubmitButton sending={status.state === 'sending'} label={texts.submit} sendingLabel={texts.sending} />
    </Form>
  );
}
