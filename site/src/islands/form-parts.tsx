/**
 * What the suggestion and evaluation forms share: the sending state machine,
 * the alert and thank-you messages, a labelled field with its error, and the
 * honeypot that bots fill in and people never see.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type ErrorTexts, type SendResult, send } from './submit';

export interface FormTexts extends ErrorTexts {
  sending: string;
  fixErrors: string;
  cmsDown: string;
  serverError: string;
  tooMany: string;
  honeypot: string;
  thanksTitle: string;
  thanksBody: string;
}

type Status = { state: 'idle' | 'sending' | 'sent'; alert: string | null; fields: Record<string, string> };

export function useSubmission(endpoint: string, texts: FormTexts, onSent: () => void) {
  const [status, setStatus] = useState<Status>({ state: 'idle', alert: null, fields: {} });
  const alertRef = useRef<HTMLDivElement>(null);

  const focusAlert = () => requestAnimationFrame(() => alertRef.current?.focus());

  async function submit(data: unknown, honeypot: string) {
    if (status.state === 'sending') return;
    // A filled honeypot is a bot: look successful, send nothing.
    if (honeypot) {
      setStatus({ state: 'sent', alert: null, fields: {} });
      return;
    }
    setStatus({ state: 'sending', alert: null, fields: {} });
    const result: SendResult = await send(endpoint, data, texts);
    if (result.kind === 'ok') {
      onSent();
      setStatus({ state: 'sent', alert: null, fields: {} });
    } else {
      const alert =
        result.kind === 'invalid'
          ? texts.fixErrors
          : result.kind === 'down'
            ? texts.cmsDown
            : result.kind === 'busy'
              ? texts.tooMany
              : texts.serverError;
      setStatus({ state: 'idle', alert, fields: result.kind === 'invalid' ? result.fields : {} });
    }
    focusAlert();
  }

  return { status, submit, alertRef, reset: () => setStatus({ state: 'idle', alert: null, fields: {} }) };
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

export function Thanks({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <div className="alert success" role="status">
      <h2>{title}</h2>
      <p>{body}</p>
      {children}
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
}: {
  sending: boolean;
  label: string;
  sendingLabel: string;
}) {
  return (
    <div>
      <button type="submit" className="cta" disabled={sending}>
        {sending ? sendingLabel : label}
      </button>
    </div>
  );
}

/**
 * A form that sends with JavaScript only. Its fields stay disabled until the
 * island has hydrated: before that, typing would be wiped by hydration and a
 * click would submit the page natively, losing the text.
 */
export function Form({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <form
      className="form"
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
