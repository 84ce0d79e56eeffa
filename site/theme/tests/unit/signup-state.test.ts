/**
 * The sign-up islands' logic without a browser: what the seats line and the
 * button say, what a receipt tells the person, the form's own checks (equal to
 * the plugin's schema for every input), reading the plugin's answers as
 * hostile input, and the cancel link's token.
 */
import {
  AVAILABILITY_MAX_IDS,
  CANCEL_TOKEN_PARAM,
  CancelTokenSchema,
  LIMITS,
  paths,
  SignupInputSchema,
} from '@ritme/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { en } from '../../src/i18n/en';
import { nl } from '../../src/i18n/nl';
import * as state from '../../src/islands/signup-state';

const available = (over: Partial<state.Availability> = {}): state.Availability => ({
  session: 'sess00000001',
  seats: 8,
  confirmed: 5,
  waiting: 0,
  seatsLeft: 3,
  open: true,
  ...over,
});
const CHECK = { required: 'required', tooLong: 'tooLong', invalid: 'invalid' };

describe('what the islands repeat from @ritme/shared', () => {
  it('has the same limits, e-mail pattern and token form as the plugin', () => {
    expect(state.SIGNUP_LIMITS).toEqual({ name: LIMITS.name, email: LIMITS.email });
    expect(state.AVAILABILITY_MAX_IDS).toBe(AVAILABILITY_MAX_IDS);
    expect(state.CANCEL_TOKEN_PARAM).toBe(CANCEL_TOKEN_PARAM);
    expect(state.EMAIL.flags).toBe(z.regexes.email.flags);
    const address = fc.oneof(
      fc.emailAddress(),
      fc.string(),
      fc.constantFrom('a-@b.co', "o'neil@x.nl", 'a..b@x.nl', '-a@x.nl'),
    );
    fc.assert(
      fc.property(address, (value) => {
        expect(state.EMAIL.test(value), value).toBe(z.regexes.email.test(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a field wrong exactly when SignupInputSchema does', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.emailAddress(),
      fc.constantFrom(' ', 'a\u0000b', 'An\u202Ena', 'Ann\u200Fa', 'a@b.c', 'a@b.co', ' a@b.co ', 'x'.repeat(101)),
      fc.string({ minLength: 250, maxLength: 260 }).map((s) => `${s}@example.org`),
    );
    fc.assert(
      fc.property(text, text, (name, email) => {
        const ours = state.checkSignup({ name, email }, CHECK);
        // The island sends the address trimmed; the schema trims the name itself.
        const parsed = SignupInputSchema.safeParse({
          session: 'sess00000001',
          name,
          email: email.trim(),
          locale: 'nl',
        });
        const theirs = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
        expect('name' in ours, `name ${JSON.stringify(name)}`).toBe(theirs.has('name'));
        expect('email' in ours, `email ${JSON.stringify(email)}`).toBe(theirs.has('email'));
      }),
      { numRuns: 500 },
    );
  });

  it('says why a field is wrong', () => {
    expect(state.checkSignup({ name: ' ', email: '' }, CHECK)).toEqual({ name: 'required', email: 'required' });
    expect(state.checkSignup({ name: 'x'.repeat(101), email: 'anna@example' }, CHECK)).toEqual({
      name: 'tooLong',
      email: 'invalid',
    });
    expect(state.checkSignup({ name: 'Anna de Vries', email: ' anna@example.org ' }, CHECK)).toEqual({});
  });
});

describe('the seats line', () => {
  const texts = nl.signup;

  it('shows the seats of the page as built until the availability is known', () => {
    expect(state.seatsText(8, undefined, texts)).toBe('8 plaatsen');
    expect(state.seatsText(null, undefined, texts)).toBeNull();
  });

  it('says how many seats are left, or that it is full and how many wait', () => {
    expect(state.seatsText(8, available(), texts)).toBe('Nog 3 van 8 plaatsen vrij');
    expect(state.seatsText(8, available(), en.signup)).toBe('3 of 8 seats left');
    expect(state.seatsText(8, available({ confirmed: 8, seatsLeft: 0, waiting: 2 }), texts)).toBe(
      'Vol — wachtlijst: 2',
    );
    expect(state.seatsText(8, available({ confirmed: 8, seatsLeft: 0 }), en.signup)).toBe(
      'Full — you can join the waiting list',
    );
    // The plugin's seats win over the page's (an editor changed them after the build).
    expect(state.seatsText(8, available({ seats: 10, seatsLeft: 5 }), texts)).toBe('Nog 5 van 10 plaatsen vrij');
  });

  it('counts the sign-ups of a session without a limit', () => {
    expect(state.seatsText(null, available({ seats: null, seatsLeft: null, confirmed: 4 }), texts)).toBe('4 aangemeld');
    expect(state.seatsText(null, available({ seats: null, seatsLeft: null, confirmed: 0 }), texts)).toBeNull();
  });

  it('puts the button on the waiting list only when no seat is left', () => {
    expect(state.isFull(undefined)).toBe(false);
    expect(state.isFull(available())).toBe(false);
    expect(state.isFull(available({ seatsLeft: 0 }))).toBe(true);
    expect(state.isFull(available({ seats: null, seatsLeft: null }))).toBe(false);
  });

  it('takes sign-ups until the session starts, by the plugin once it answered', () => {
    const now = new Date('2026-11-30T09:00:00.000Z');
    expect(state.isOpen('2026-11-30T09:00:00.001Z', undefined, now)).toBe(true);
    expect(state.isOpen('2026-11-30T09:00:00.000Z', undefined, now)).toBe(false);
    expect(state.isOpen('2026-12-30T09:00:00.000Z', available({ open: false }), now)).toBe(false);
  });
});

describe('what a receipt says', () => {
  it('confirms, naming the address the mail went to', () => {
    const said = state.receiptText(
      { status: 'confirmed', position: null, seatsLeft: 2 },
      'anna@example.org',
      nl.signup,
    );
    expect(said.title).toBe('Je bent aangemeld');
    expect(said.body).toContain('We hebben een bevestiging gestuurd naar anna@example.org');
  });

  it('gives the place on the waiting list', () => {
    const receipt = { status: 'waiting', position: 3, seatsLeft: 0 } as const;
    expect(state.receiptText(receipt, 'a@example.org', nl.signup).title).toBe('Je staat op de wachtlijst, plaats 3');
    expect(state.receiptText(receipt, 'a@example.org', en.signup).title).toBe('You are on the waiting list, place 3');
    expect(state.receiptText({ ...receipt, position: null }, 'a@example.org', nl.signup).title).toBe(
      'Je staat op de wachtlijst',
    );
  });

  it('leaves placeholders in what was typed alone', () => {
    expect(state.receiptText(null, '{position}@example.org', en.signup).body).toContain('{position}@example.org');
  });
});

describe("reading the plugin's answers", () => {
  it('takes availability entries of the right shape only', () => {
    const good = available();
    const read = state.readAvailability({
      data: [
        good,
        { ...good, session: 'sess00000002', seatsLeft: -1 },
        { ...good, session: 'sess00000003', open: 'yes' },
        { ...good, session: 'sess00000004', confirmed: 1.5 },
        null,
        'x',
        { ...good, session: 'sess00000005', seats: null, seatsLeft: null },
      ],
    });
    expect([...read.keys()]).toEqual(['sess00000001', 'sess00000005']);
    expect(read.get('sess00000001')).toEqual(good);
    for (const body of [null, 'x', {}, { data: {} }, { data: 'x' }]) expect(state.readAvailability(body).size).toBe(0);
  });

  it('takes a receipt of the right shape only', () => {
    expect(state.readReceipt({ data: { status: 'waiting', position: 2, seatsLeft: 0 } })).toEqual({
      status: 'waiting',
      position: 2,
      seatsLeft: 0,
    });
    for (const data of [
      { status: 'cancelled', position: null, seatsLeft: 0 },
      { status: 'waiting', position: 0, seatsLeft: 0 },
      { status: 'confirmed', position: null, seatsLeft: '3' },
      { status: 'confirmed' },
    ]) {
      expect(state.readReceipt({ data }), JSON.stringify(data)).toBeNull();
    }
  });

  it('takes a looked-up sign-up of the right shape only', () => {
    const lookup = {
      status: 'confirmed',
      name: '<img src=x onerror=alert(1)>',
      session: {
        documentId: 'sess00000001',
        title: 'Feedback geven',
        startsAt: '2026-12-07T09:00:00.000Z',
        endsAt: '2026-12-07T11:00:00.000Z',
        location: null,
      },
    };
    // Text stays text: React escapes it where it is shown.
    expect(state.readLookup({ data: lookup })).toEqual(lookup);
    expect(state.readLookup({ data: { ...lookup, status: 'gone' } })).toBeNull();
    expect(state.readLookup({ data: { ...lookup, session: { ...lookup.session, startsAt: 'soon' } } })).toBeNull();
    expect(state.readLookup({ data: { ...lookup, session: { ...lookup.session, location: 3 } } })).toBeNull();
    expect(state.readLookup({ data: { ...lookup, name: undefined } })).toBeNull();
  });
});

describe('the cancel link', () => {
  const token = `${'A'.repeat(21)}_-${'z9'.repeat(10)}`;

  it('reads the token from the fragment of the link the mail holds', () => {
    expect(CancelTokenSchema.safeParse(token).success).toBe(true);
    const link = new URL(`${paths.cancelSignup('en')}#${CANCEL_TOKEN_PARAM}=${token}`, 'https://intranet.example');
    expect(state.tokenOf(link.hash)).toBe(token);
    expect(state.tokenOf(`#${CANCEL_TOKEN_PARAM}=${token}&x=1`)).toBe(token);
  });

  it('reads no token from a fragment without one of the right form', () => {
    for (const hash of [
      '',
      '#',
      `#token=${token.slice(1)}`,
      `#token=${token}x`,
      `#other=${token}`,
      '#token=<script>',
    ]) {
      expect(state.tokenOf(hash), hash).toBeNull();
    }
    fc.assert(
      fc.property(fc.string(), (value) => {
        const read = state.tokenOf(`#token=${encodeURIComponent(value)}`);
        expect(read === null || CancelTokenSchema.safeParse(read).success).toBe(true);
      }),
    );
  });
});
