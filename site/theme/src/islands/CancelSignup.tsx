/**
 * The cancel page's island. The confirmation mail links here with the sign-up's
 * secret in the fragment (`#token=…`, never sent to a web server); the island
 * looks the sign-up up and asks first — opening the link cancels nothing, as
 * mail scanners open every link — then cancels with a POST, and says what
 * happened. Everything the plugin answers is shown as text only.
 */
import { useEffect, useRef, useState } from 'react';
import { fill, type Lookup, readLookup, tokenOf } from './signup-state';

export interface CancelTexts {
  looking: string;
  cancelQuestion: string;
  cancelQuestionWaiting: string;
  signedUpAs: string;
  cancelButton: string;
  cancelling: string;
  keep: string;
  cancelledTitle: string;
  cancelled: string;
  cancelledWaiting: string;
  alreadyCancelled: string;
  invalidLink: string;
  unknownLink: string;
  started: string;
  cmsDown: string;
  tooMany: string;
  retry: string;
  toTrainings: string;
}

interface Props {
  /** The plugin's API: `<cms>/api/ritme`. */
  api: string;
  texts: CancelTexts;
  /** How dates are written on this page (the locale's Intl tag and the organisation's time zone). */
  dateLocale: string;
  timeZone: string;
  trainingsHref: string;
}

export type CancelState =
  | { kind: 'looking' }
  | { kind: 'invalid' }
  | { kind: 'unknown' }
  | { kind: 'down'; retry: 'lookup' | 'cancel'; busy: boolean; lookup?: Lookup }
  | { kind: 'ask'; lookup: Lookup; sending: boolean }
  | { kind: 'cancelled'; was: Lookup['status'] }
  | { kind: 'already' }
  | { kind: 'started' };

type Answer = { kind: 'ok'; lookup: Lookup } | { kind: 'invalid' | 'unknown' | 'started' | 'busy' | 'down' };

async function ask(url: string, token: string): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ data: { token } }),
    });
  } catch {
    return { kind: 'down' };
  }
  if (response.ok) {
    const lookup = readLookup(await response.json().catch(() => null));
    return lookup ? { kind: 'ok', lookup } : { kind: 'down' };
  }
  if (response.status === 404) return { kind: 'unknown' };
  if (response.status === 400) return { kind: 'invalid' };
  if (response.status === 409) return { kind: 'started' };
  if (response.status === 429) return { kind: 'busy' };
  return { kind: 'down' };
}

export default function CancelSignup({ api, texts, dateLocale, timeZone, trainingsHref }: Props) {
  const [state, setState] = useState<CancelState>({ kind: 'looking' });
  const [token, setToken] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const focusStatus = () => requestAnimationFrame(() => statusRef.current?.focus());

  const when = (iso: string) =>
    new Intl.DateTimeFormat(dateLocale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(new Date(iso));

  async function lookUp(secret: string) {
    setState({ kind: 'looking' });
    const answer = await ask(`${api}/signups/lookup`, secret);
    if (answer.kind === 'ok') {
      setState(
        answer.lookup.status === 'cancelled'
          ? { kind: 'already' }
          : { kind: 'ask', lookup: answer.lookup, sending: false },
      );
    } else if (answer.kind === 'down' || answer.kind === 'busy') {
      setState({ kind: 'down', retry: 'lookup', busy: answer.kind === 'busy' });
    } else setState({ kind: answer.kind });
  }

  async function cancel(secret: string, lookup: Lookup) {
    setState({ kind: 'ask', lookup, sending: true });
    const answer = await ask(`${api}/signups/cancel`, secret);
    if (answer.kind === 'ok') setState({ kind: 'cancelled', was: lookup.status });
    else if (answer.kind === 'down' || answer.kind === 'busy') {
      setState({ kind: 'down', retry: 'cancel', busy: answer.kind === 'busy', lookup });
    } else setState({ kind: answer.kind });
    focusStatus();
  }

  // The token is only in the browser's address: read it once hydrated.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount by design.
  useEffect(() => {
    const secret = tokenOf(window.location.hash);
    setToken(secret);
    if (secret) void lookUp(secret);
    else setState({ kind: 'invalid' });
  }, []);

  const message = (() => {
    switch (state.kind) {
      case 'looking':
        return texts.looking;
      case 'invalid':
        return texts.invalidLink;
      case 'unknown':
        return texts.unknownLink;
      case 'started':
        return texts.started;
      case 'already':
        return texts.alreadyCancelled;
      case 'cancelled':
        return state.was === 'waiting' ? texts.cancelledWaiting : texts.cancelled;
      case 'down':
        return state.busy ? texts.tooMany : texts.cmsDown;
      default:
        return null;
    }
  })();
  const asking =
    state.kind === 'ask' ? state : state.kind === 'down' && state.lookup ? { ...state, sending: false } : null;
  const lookup = asking?.lookup;
  const failed = ['invalid', 'unknown', 'started', 'down'].includes(state.kind);

  return (
    <>
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={
          state.kind === 'cancelled' || state.kind === 'already' ? 'alert success' : failed ? 'alert' : undefined
        }
      >
        {state.kind === 'cancelled' && <h2>{texts.cancelledTitle}</h2>}
        {message && <p>{message}</p>}
      </div>
      {lookup && (
        <div className="card">
          <p>
            {fill(lookup.status === 'waiting' ? texts.cancelQuestionWaiting : texts.cancelQuestion, {
              training: lookup.session.title,
              date: when(lookup.session.startsAt),
            })}
          </p>
          <p className="meta">
            {fill(texts.signedUpAs, { name: lookup.name })}
            {lookup.session.location && <> · {lookup.session.location}</>}
          </p>
          <p>
            <button
              type="button"
              className="cta"
              disabled={asking?.sending || !token}
              onClick={() => token && void cancel(token, lookup)}
            >
              {asking?.sending ? texts.cancelling : texts.cancelButton}
            </button>{' '}
            <a href={trainingsHref}>{texts.keep}</a>
          </p>
        </div>
      )}
      {state.kind === 'down' && state.retry === 'lookup' && token && (
        <p>
          <button type="button" className="cta" onClick={() => void lookUp(token)}>
            {texts.retry}
          </button>
        </p>
      )}
      {(state.kind === 'invalid' ||
        state.kind === 'unknown' ||
        state.kind === 'cancelled' ||
        state.kind === 'already') && (
        <p>
          <a href={trainingsHref}>{texts.toTrainings}</a>
        </p>
      )}
    </>
  );
}
