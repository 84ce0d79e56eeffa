/**
 * The evaluation round form: the round's questions, answered anonymously — in
 * words, or for a scale question by choosing 1 to 5 in a radio group. The
 * page is static, so the island checks on hydration what the HTML cannot know:
 * whether this browser answered the round already, and whether the round is
 * still open by the browser's clock (the page may be older than its closing).
 */
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
import { roundWindowState } from './round-window';
import { draftStore, roundAnswered } from './submit';

export interface EvaluationTexts extends FormTexts {
  submit: string;
  anonymous: string;
  characters: string;
  alreadyAnswered: string;
  /** Shown instead of the form when the browser's clock says the round is closed / not open yet. */
  closed: string;
  notOpen: string;
  roundClosed: string;
  roundNotOpen: string;
  /** Scale questions: what 1 and 5 mean, and each option's name ("{value} of 5"). */
  scaleHint: string;
  scaleValue: string;
}

interface Props {
  endpoint: string;
  round: string;
  opensAt: string;
  closesAt: string;
  questions: { key: string; label: string; kind?: 'text' | 'scale' }[];
  texts: EvaluationTexts;
  maxLength: number;
}

type Gate = 'form' | 'answered' | 'closed' | 'upcoming';

/** A scale question's options (SCALE_VALUES in @ritme/shared; not imported, that would bundle zod). */
export const SCALE = ['1', '2', '3', '4', '5'];

export default function EvaluationForm({ endpoint, round, opensAt, closesAt, questions, texts, maxLength }: Props) {
  const id = useId();
  const drafts = draftStore(`ritme:round-draft:${round}`);
  const answered = roundAnswered(round);
  const empty = Object.fromEntries(questions.map((q) => [q.key, ''])) as Record<string, string>;
  const [answers, setAnswers] = useState(empty);
  const [honeypot, setHoneypot] = useState('');
  const [gate, setGate] = useState<Gate>('form');
  const { status, submit, alertRef, confirmationRef } = useSubmission(
    endpoint,
    texts,
    () => {
      answered.remember();
      drafts.clear();
      setAnswers(empty);
    },
    `ritme:round-draft:${round}:key`,
  );
  // Once, after hydration (the server-rendered form is empty and knows nothing of this browser):
  // restore an unsent draft, or say why there is no form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount by design.
  useEffect(() => {
    const state = roundWindowState({ opensAt, closesAt }, new Date());
    if (answered.get()) setGate('answered');
    else if (state !== 'open') setGate(state);
    else setAnswers(drafts.load(empty));
  }, []);

  const sent = status.state === 'sent';
  const confirmation = (
    <Thanks sent={sent} title={texts.thanksTitle} body={texts.thanksBody} confirmationRef={confirmationRef} />
  );
  if (sent) return confirmation;
  if (gate === 'answered') {
    return (
      <div className="alert success" role="status">
        <p>{texts.alreadyAnswered}</p>
      </div>
    );
  }
  if (gate !== 'form') {
    return (
      <p className="empty" role="status">
        {gate === 'closed' ? texts.closed : texts.notOpen}
      </p>
    );
  }

  const err = status.fields;
  // Refused because of its round, sending again cannot work; the text stays on screen so it can be copied.
  const refused = status.refused !== undefined;
  return (
    <>
      {confirmation}
      <Form onSubmit={() => void submit({ round, answers }, honeypot)}>
        <p>{texts.anonymous}</p>
        <Alert message={status.alert ?? null} alertRef={alertRef} />
        {err.answers && <p className="field-error">{err.answers}</p>}
        {questions.map((question) => {
          const fieldId = `${id}-${question.key}`;
          const error = err[`answers.${question.key}`];
          const change = (value: string) => {
            const next = { ...answers, [question.key]: value };
            setAnswers(next);
            drafts.save(next);
          };
          if (question.kind === 'scale') {
            return (
              <fieldset key={question.key} className="field scale" {...describedBy(fieldId, error, true)}>
                <legend>{question.label}</legend>
                <span className="hint" id={`${fieldId}-hint`}>
                  {texts.scaleHint}
                </span>
                <div className="scale-options">
                  {SCALE.map((value) => (
                    <label key={value}>
                      <input
                        type="radio"
                        name={fieldId}
                        value={value}
                        checked={answers[question.key] === value}
                        aria-label={texts.scaleValue.replace('{value}', value)}
                        onChange={() => change(value)}
                      />
                      <span aria-hidden="true">{value}</span>
                    </label>
                  ))}
                </div>
                {error && (
                  <span className="field-error" id={`${fieldId}-error`}>
                    {error}
                  </span>
                )}
              </fieldset>
            );
          }
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
                onChange={(e) => change(e.target.value)}
                {...describedBy(fieldId, error, true)}
              />
            </Field>
          );
        })}
        <Honeypot label={texts.honeypot} value={honeypot} onChange={setHoneypot} />
        <SubmitButton
          sending={status.state === 'sending'}
          label={texts.submit}
          sendingLabel={texts.sending}
          disabled={refused}
        />
      </Form>
    </>
  );
}
