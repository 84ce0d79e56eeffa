/**
 * What the suggestion and evaluation forms (and the feedback widget) share: the
 * sending state machine with its Idempotency-Key, the alert and thank-you
 * messages, a labelled field with its error, the honeypot that bots fill in
 * and people never see, and the hydration guard that keeps controls disabled
 * until React can handle them.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type ErrorTexts, type RoundRefusal, type SendResult, send, submissionKey } from './submit';

export interface FormTexts extends ErrorTexts {
  sending: string;
  fixErrors: string;
  cmsDown: string;
  serverError: string;
  tooMany: string;
  honeypot: string;
  thanksTitle: string;
  thanksBody: string;
  /** Only the evaluation form can be refused because its round closed (or has not opened). */
  roundClosed?: string;
  roundNotOpen?: string;
  /** What a refusal the plugin names by its code says (the sign-up's `session_closed`, …). */
  refusals?: Record<string, string>;
}

type Status = {
  state: 'idle' | 'sending' | 'sent';
  alert: string | null;
  fields: Record<string, string>;
  refused?: RoundRefusal;
  /** The code of a refusal (`kind: 'refused'`). */
  code?: string;
};

function alertFor(result: Exclude<SendResult, { kind: 'ok' }>, texts: FormTexts): string {
  switch (result.kind) {
    case 'invalid':
      return texts.fixErrors;
    case 'round':
      return (result.reason === 'round_closed' ? texts.roundClosed : texts.roundNotOpen) ?? texts.serverError;
    case 'down':
      return texts.cmsDown;
    case 'busy':
      return texts.tooMany;
    case 'refused':
      return texts.refusals?.[result.code] ?? texts.serverError;
    default:
      return texts.serverError;
  }
}

/**
 * Sending one form: its state, its alert, and the Idempotency-Key of the
 * submission in progress (kept in localStorage under `keyStorage`, next to the
 * form's draft, so a retry after a reload is still recognised by the plugin).
 */
export function useSubmission(
  endpoint: string,
  texts: FormTexts,
  onSent: (body: unknown) => void,
  keyStorage?: string,
) {
  const [status, setStatus] = useState<Status>({ state: 'idle', alert: null, fields: {} });
  const [keys] = useState(() => submissionKey(keyStorage ?? null));
  const alertRef = useRef<HTMLDivElement>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);

  const focusAlert = () => requestAnimationFrame(() => alertRef.current?.focus());
  // The form is gone once sent: focus goes to the confirmation, or a screen reader may never hear it.
  const focusConfirmation = () => requestAnimationFrame(() => confirmationRef.current?.focus());

  async function submit(data: unknown, honeypot: string) {
    if (status.state === 'sending') return;
    // A filled honeypot is a bot: look successful, send nothing.
    if (honeypot) {
      setStatus({ state: 'sent', alert: null, fields: {} });
      focusConfirmation();
      return;
    }
    setStatus({ state: 'sending', alert: null, fields: {} });
    const result: SendResult = await send(endpoint, data, texts, keys.for(data));
    if (result.kind === 'ok') {
      keys.done();
      onSent(result.body);
      setStatus({ state: 'sent', alert: null, fields: {} });
      focusConfirmation();
      return;
    }
    // The plugin refused the key for this data (it was used for another body): the next try gets a new one.
    if (result.kind === 'conflict') keys.done();
    setStatus({
      state: 'idle',
      alert: alertFor(result, texts),
      fields: result.kind === 'invalid' ? result.fields : {},
      ...(result.kind === 'round' ? { refused: result.reason } : {}),
      ...(result.kind === 'refused' ? { code: result.code } : {}),
    });
    focusAlert();
  }

  /** Checked in the browser before sending: the fields' errors, with the alert, and nothing sent. */
  function invalid(fields: Record<string, string>) {
    setStatus({ state: 'idle', alert: texts.fixErrors, fields });
    focusAlert();
  }

  return {
    status,
    submit,
    invalid,
    alertRef,
    confirmationRef,
    reset: () => setStatus({ state: 'idle', alert: null, fields: {} }),
  };
}

export function Alert({
  message,
  alertRef,
}: {
  message: string | null;
  alertRef: React.RefObject<HTMLDivElement | null>;
}) {
  return (
    <div ref={alertRef} tabIndex={-1} role="alert" className={message ? 'alert' : undefined}>
      {message}
    </div>
  );
}

/**
 * Where "thank you" appears once a form is sent: a status region that is in
 * the page from the start (empty), so assistive technology already watches it
 * when it fills, and that takes focus then.
 */
export function Thanks({
  sent,
  title,
  body,
  confirmationRef,
  children,
  level = 2,
}: {
  sent: boolean;
  title: string;
  body: string;
  confirmationRef: React.RefObject<HTMLDivElement | null>;
  children?: ReactNode;
  /** The title's heading level: 3 where the form sits under a section's h2. */
  level?: 2 | 3;
}) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <div ref={confirmationRef} tabIndex={-1} role="status" className={sent ? 'alert success' : undefined}>
      {sent && (
        <>
          <Heading>{title}</Heading>
          <p>{body}</p>
          {children}
        </>
      )}
    </div>
  );
}

export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** aria attributes for an input with an optional hint and error. */
export const describedBy = (id: string, error?: string, hint?: boolean) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
});

export function Honeypot({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label>
        {label}
        <input
          type="text"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
    </div>
  );
}

export function SubmitButton({
  sending,
  label,
  sendingLabel,
  disabled = false,
}: {
  sending: boolean;
  label: string;
  sendingLabel: string;
  disabled?: boolean;
}) {
  return (
    <div>
      <button type="submit" className="cta" disabled={sending || disabled}>
        {sending ? sendingLabel : label}
      </button>
    </div>
  );
}

/** False in the server-rendered HTML and until React has hydrated the island, then true. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * A form that sends with JavaScript only. Its fields stay disabled until the
 * island has hydrated: before that, typing would be wiped by hydration and a
 * click would submit the page natively, losing the text.
 */
export function Form({
  onSubmit,
  children,
  label,
}: {
  onSubmit: () => void;
  children: ReactNode;
  /** The form's name, where a page has several alike (one sign-up per session). */
  label?: string;
}) {
  const hydrated = useHydrated();
  return (
    <form
      className="form"
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <fieldset className="form-fields" disabled={!hydrated}>
        {children}
      </fieldset>
    </form>
  );
}
