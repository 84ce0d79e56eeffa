/**
 * A training's sessions with a sign-up form each: one island for the whole
 * list, so the page hydrates React once. Each card says what Sessions.astro
 * worked out — when, where, the online link, the calendar file — as the plain
 * list does (components/SessionDetails.astro), plus the seats, kept current
 * from the plugin (on hydration, after every sign-up and when the tab is shown
 * again), and the form: name and e-mail address, checked here with the
 * plugin's rules, then sent; confirmed, or on the waiting list with its place.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import {
  Alert,
  describedBy,
  Field,
  Form,
  type FormTexts,
  Honeypot,
  SubmitButton,
  Thanks,
  useHydrated,
  useSubmission,
} from './form-parts';
import {
  AVAILABILITY_MAX_IDS,
  type Availability,
  calendarHref,
  checkSignup,
  fill,
  isFull,
  isOpen,
  type Receipt,
  type ReceiptTexts,
  readAvailability,
  readReceipt,
  receiptText,
  type SeatsTexts,
  SIGNUP_LIMITS,
  seatsText,
} from './signup-state';
import { draftStore } from './submit';

export interface SignupTexts extends FormTexts, SeatsTexts, ReceiptTexts {
  formLabel: string;
  name: string;
  email: string;
  submit: string;
  submitWaiting: string;
  another: string;
  closed: string;
  notFound: string;
  join: string;
  addToCalendar: string;
}

export interface SignupSession {
  documentId: string;
  seats: number | null;
  startsAt: string;
  endsAt: string;
  /** When it starts, as the page writes it ("30 november 2026 om 10:00"); also names the form. */
  when: string;
  /** When it ends: a time on the same day, else a date and time. */
  until: string;
  /** The location, or "Online". */
  place: string;
  /** Only ever a plain http(s) URL (Sessions.astro checks). */
  joinUrl: string | null;
  /** The session's calendar file: its name, and its text after the start all the list's files share. */
  calendar: { file: string; rest: string };
  /** On lists of several trainings' sessions. */
  training: { title: string; href: string } | null;
  /** Whether it took sign-ups when the page was built (the island checks again once hydrated). */
  open: boolean;
}

interface Props {
  /** The plugin's API: `<cms>/api/ritme`. */
  api: string;
  locale: string;
  sessions: SignupSession[];
  /** What every session's calendar file starts with (the calendar and its time zone). */
  calendarStart: string;
  texts: SignupTexts;
}

export default function SessionSignups({ api, locale, sessions, calendarStart, texts }: Props) {
  const [availability, setAvailability] = useState<Map<string, Availability>>(() => new Map());

  // One request for every session of the list; when it fails, the page's own seats stay.
  const refresh = useCallback(async () => {
    const ids = sessions.map((session) => session.documentId).slice(0, AVAILABILITY_MAX_IDS);
    if (ids.length === 0) return;
    try {
      const response = await fetch(`${api}/training-sessions/availability?ids=${ids.join(',')}`, {
        headers: { accept: 'application/json' },
      });
      if (!response.ok) return;
      setAvailability(readAvailability(await response.json()));
    } catch {
      // the CMS is unreachable: keep what is shown
    }
  }, [api, sessions]);

  useEffect(() => {
    void refresh();
    const onShow = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onShow);
    return () => document.removeEventListener('visibilitychange', onShow);
  }, [refresh]);

  return (
    <ul className="grid">
      {sessions.map((session) => (
        <li className="card" key={session.documentId}>
          {session.training && (
            <h3>
              <a href={session.training.href}>{session.training.title}</a>
            </h3>
          )}
          <p>
            <time dateTime={session.startsAt}>{session.when}</time> –{' '}
            <time dateTime={session.endsAt}>{session.until}</time>
          </p>
          <p className="meta">{session.place}</p>
          {session.joinUrl && (
            <p>
              <a href={session.joinUrl}>{texts.join}</a>
            </p>
          )}
          <p>
            <a
              href={calendarHref(calendarStart + session.calendar.rest)}
              download={session.calendar.file}
              className="calendar-link"
            >
              {texts.addToCalendar}
            </a>
          </p>
          <SessionSignup
            api={api}
            locale={locale}
            session={session}
            availability={availability.get(session.documentId)}
            texts={texts}
            onChange={refresh}
          />
        </li>
      ))}
    </ul>
  );
}

const EMPTY = { name: '', email: '' };

function SessionSignup({
  api,
  locale,
  session,
  availability,
  texts,
  onChange,
}: {
  api: string;
  locale: string;
  session: SignupSession;
  availability: Availability | undefined;
  texts: SignupTexts;
  onChange: () => void;
}) {
  const id = useId();
  const hydrated = useHydrated();
  const drafts = draftStore(`ritme:signup-draft:${session.documentId}`);
  const [values, setValues] = useState(EMPTY);
  const [honeypot, setHoneypot] = useState('');
  const [answer, setAnswer] = useState<{ receipt: Receipt | null; email: string } | null>(null);
  const { status, submit, invalid, alertRef, confirmationRef, reset } = useSubmission(
    `${api}/signups`,
    { ...texts, refusals: { session_closed: texts.closed, session_not_found: texts.notFound } },
    (body) => {
      setAnswer({ receipt: readReceipt(body), email: values.email.trim() });
      drafts.clear();
      setValues(EMPTY);
      onChange();
    },
    `ritme:signup-draft:${session.documentId}:key`,
  );
  // Restore an unsent draft once, after hydration (the server-rendered form is empty).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount by design.
  useEffect(() => setValues(drafts.load(EMPTY)), []);

  const update = (field: keyof typeof EMPTY, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    drafts.save(next);
  };

  const seats = seatsText(session.seats, availability, texts);
  const seatsLine = seats && <p className="meta seats">{seats}</p>;
  // The build's verdict until hydrated (the same HTML), then the browser's clock or the plugin's.
  const open = hydrated ? isOpen(session.startsAt, availability) : session.open;
  const sent = status.state === 'sent';
  const said = receiptText(answer?.receipt ?? null, answer?.email ?? values.email.trim(), texts);
  const confirmation = (
    <Thanks sent={sent} title={said.title} body={said.body} confirmationRef={confirmationRef} level={3}>
      <button
        type="button"
        className="cta"
        onClick={() => {
          setAnswer(null);
          reset();
        }}
      >
        {texts.another}
      </button>
    </Thanks>
  );
  if (sent) {
    return (
      <>
        {seatsLine}
        {confirmation}
      </>
    );
  }
  // Once refused as closed, the form stays with its alert (focus is on it), its button disabled.
  if (!open && !status.code) {
    return (
      <>
        {seatsLine}
        <p className="meta">{texts.closed}</p>
      </>
    );
  }

  const err = status.fields;
  const onSubmit = () => {
    const errors = checkSignup(values, texts);
    if (Object.keys(errors).length > 0) return invalid(errors);
    void submit(
      { session: session.documentId, name: values.name.trim(), email: values.email.trim(), locale },
      honeypot,
    );
  };
  return (
    <>
      {seatsLine}
      {confirmation}
      <Form onSubmit={onSubmit} label={fill(texts.formLabel, { date: session.when })}>
        <Alert message={status.alert} alertRef={alertRef} />
        <Field id={`${id}-name`} label={texts.name} error={err.name}>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="name"
            required
            maxLength={SIGNUP_LIMITS.name}
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
            required
            maxLength={SIGNUP_LIMITS.email}
            value={values.email}
            onChange={(e) => update('email', e.target.value)}
            {...describedBy(`${id}-email`, err.email)}
          />
        </Field>
        <Honeypot label={texts.honeypot} value={honeypot} onChange={setHoneypot} />
        <SubmitButton
          sending={status.state === 'sending'}
          label={isFull(availability) ? texts.submitWaiting : texts.submit}
          sendingLabel={texts.sending}
          disabled={status.code === 'session_closed' || status.code === 'session_not_found'}
        />
      </Form>
    </>
  );
}
