/**
 * Ritme's content model. Page content is localized (nl, en) with draft &
 * publish; the voices that come back (suggestions, evaluation responses) are
 * neither, so a public POST can never publish or draft anything.
 */
import {
  CADENCES,
  DEFAULT_MINIMUM_RESPONSES,
  GROUP_KINDS,
  MINIMUM_RESPONSES_FLOOR,
  PERSON_KINDS,
  SKILLS,
  SUGGESTION_CATEGORIES,
  SUGGESTION_STATUSES,
  TRAINING_FOCUSES,
  TRAINING_FORMATS,
} from '@ritme/shared';
import {
  collectionType,
  date,
  datetime,
  enumeration,
  integer,
  markdown,
  relation,
  roundQuestions,
  slugOf,
  text,
} from './attributes';
import { syncTombstone } from './sync-tombstone';

const page = { localized: true, draftAndPublish: true };
const submission = { localized: false, draftAndPublish: false };
const plain = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra });
/**
 * "Share with pilots": off for a new draft. When on, pilots on the preview
 * server see this entry's draft (a training's sessions follow their training);
 * when off, they see it only once published. One switch for all languages.
 */
const sharedWithPilots = () => plain('boolean', { default: false, pluginOptions: { i18n: { localized: false } } });

/**
 * The voices that come back (suggestions, answers, feedback, invites) are not
 * content: they are kept out of the Content Manager, where any role with
 * content permissions could read e-mail addresses, rewrite replies or forge
 * feedback. The plugin's own admin pages and permissions are the only way in
 * (see middlewares/voices-guard.ts, which also refuses the Content Manager's API).
 */
const voice = <T extends { pluginOptions: Record<string, unknown> }>(base: T) => ({
  ...base,
  pluginOptions: { ...base.pluginOptions, 'content-manager': { visible: false } },
});

/**
 * The random Idempotency-Key a client may send with a public submission (not
 * identity: never shown to editors). `column.unique` makes it a database unique
 * index, not only Strapi's check before insert, so two simultaneous requests
 * with one key store one row; the submissions service answers the other with
 * the first receipt. A fresh object per type, as Strapi may write into it.
 */
const idempotencyKey = () => plain('string', { unique: true, private: true, maxLength: 100, column: { unique: true } });
/** sha256 of the submission the key was first used with: the same key with another body is refused. */
const idempotencyFingerprint = () => plain('string', { private: true, maxLength: 64 });
/** What an editor wrote for the public board, per language: { nl, en }. Never the sender's own words. */
const publicSummary = () => plain('json');

export const group = {
  ...collectionType('group', 'groups', 'Group', 'A team, project, department or community', page),
  attributes: {
    name: text({ required: true, maxLength: 120 }),
    slug: slugOf('name'),
    sharedWithPilots: sharedWithPilots(),
    kind: enumeration(GROUP_KINDS, 'team'),
    description: text({ long: true }),
    people: relation('manyToMany', 'person', { inversedBy: 'groups' }),
    behaviours: relation('manyToMany', 'behaviour', { mappedBy: 'groups' }),
    spotlights: relation('oneToMany', 'spotlight', { mappedBy: 'group' }),
    evaluationRounds: relation('oneToMany', 'evaluation-round', { mappedBy: 'group' }),
  },
};

export const behaviour = {
  ...collectionType(
    'behaviour',
    'behaviours',
    'Example behaviour',
    'A concrete action ("Post a short weekly update in the group") instead of a vague call',
    page,
  ),
  attributes: {
    title: text({ required: true, maxLength: 200 }),
    slug: slugOf('title'),
    sharedWithPilots: sharedWithPilots(),
    insteadOf: text({ required: true, maxLength: 200 }),
    why: text({ long: true }),
    how: text({ long: true }),
    cadence: enumeration(CADENCES, 'weekly'),
    skill: enumeration(SKILLS),
    example: text({ long: true }),
    groups: relation('manyToMany', 'group', { inversedBy: 'behaviours' }),
    trainings: relation('manyToMany', 'training', { mappedBy: 'behaviours' }),
    spotlights: relation('oneToMany', 'spotlight', { mappedBy: 'behaviour' }),
  },
};

export const training = {
  ...collectionType('training', 'trainings', 'Training', 'Training on attitude, not only on buttons', page),
  attributes: {
    title: text({ required: true, maxLength: 200 }),
    slug: slugOf('title'),
    sharedWithPilots: sharedWithPilots(),
    summary: text({ long: true }),
    body: markdown(),
    skill: enumeration(SKILLS),
    focus: enumeration(TRAINING_FOCUSES, 'attitude'),
    format: enumeration(TRAINING_FORMATS, 'workshop'),
    durationMinutes: integer({ min: 1 }),
    sessions: relation('oneToMany', 'training-session', { mappedBy: 'training' }),
    behaviours: relation('manyToMany', 'behaviour', { inversedBy: 'trainings' }),
  },
};

export const trainingSession = {
  ...collectionType('training-session', 'training-sessions', 'Training session', 'A dated session of a training', page),
  attributes: {
    /** How the session is listed; filled from the training and the start when left empty (document-middlewares/session-titles.ts). */
    title: text({ maxLength: 250 }),
    training: relation('manyToOne', 'training', { inversedBy: 'sessions' }),
    // When, how many and where online are the session's own: one value in every language.
    startsAt: datetime(true, { shared: true }),
    endsAt: datetime(true, { shared: true }),
    location: text({ maxLength: 200 }),
    /** http(s) only: checked by the plugin's URL middleware on every save. */
    onlineUrl: text({ maxLength: 500, shared: true }),
    seats: integer({ min: 0, shared: true }),
  },
};

export const person = {
  ...collectionType('person', 'people', 'Person', 'A leader, ambassador or coach who leads by example', page),
  attributes: {
    name: text({ required: true, maxLength: 120, shared: true }),
    slug: slugOf('name'),
    sharedWithPilots: sharedWithPilots(),
    roleTitle: text({ maxLength: 120 }),
    kind: enumeration(PERSON_KINDS, 'ambassador'),
    quote: text({ long: true }),
    photo: plain('media', { multiple: false, allowedTypes: ['images'] }),
    // How to reach them: the person's own, one value in every language. The chat link is http(s) only.
    email: plain('email', { maxLength: 254, pluginOptions: { i18n: { localized: false } } }),
    chatUrl: text({ maxLength: 500, shared: true }),
    groups: relation('manyToMany', 'group', { mappedBy: 'people' }),
    spotlights: relation('oneToMany', 'spotlight', { mappedBy: 'person' }),
  },
};

export const spotlight = {
  ...collectionType('spotlight', 'spotlights', 'Spotlight', 'Names and appreciates positive behaviour', page),
  attributes: {
    title: text({ required: true, maxLength: 200 }),
    slug: slugOf('title'),
    sharedWithPilots: sharedWithPilots(),
    story: text({ long: true }),
    date: date(true),
    person: relation('manyToOne', 'person', { inversedBy: 'spotlights' }),
    group: relation('manyToOne', 'group', { inversedBy: 'spotlights' }),
    behaviour: relation('manyToOne', 'behaviour', { inversedBy: 'spotlights' }),
  },
};

export const evaluationRound = {
  ...collectionType(
    'evaluation-round',
    'evaluation-rounds',
    'Evaluation round',
    'What works well? What are we running into? What helps us move forward?',
    page,
  ),
  attributes: {
    title: text({ required: true, maxLength: 200 }),
    slug: slugOf('title'),
    sharedWithPilots: sharedWithPilots(),
    intro: text({ long: true }),
    /**
     * One ordered list for every language, [{ key, label: { nl, en } }], edited with the
     * plugin's question list field; left empty, the seed blog's three questions are filled in.
     */
    questions: roundQuestions(),
    group: relation('manyToOne', 'group', { inversedBy: 'evaluationRounds' }),
    // The window and the anonymity minimum belong to the round, not to a language:
    // a round that closed in Dutch must not stay open in English.
    opensAt: datetime(true, { shared: true }),
    closesAt: datetime(true, { shared: true }),
    minimumResponses: integer({
      min: MINIMUM_RESPONSES_FLOOR,
      defaultValue: DEFAULT_MINIMUM_RESPONSES,
      required: true,
      shared: true,
    }),
    followUp: text({ long: true }),
    /** Set only by the admin's "Close for good" (once every language has its follow-up); never edited by hand. */
    closedForGoodAt: { ...datetime(false, { shared: true }), visible: false, writable: false },
  },
};

export const evaluationResponse = {
  ...voice(
    collectionType(
      'evaluation-response',
      'evaluation-responses',
      'Evaluation response',
      'An anonymous answer to an evaluation round: no user, IP address or user agent is stored',
      submission,
    ),
  ),
  attributes: {
    /** documentIds, not relations: answers stay tied to a round whatever its drafts and locales do. */
    round: plain('string', { required: true }),
    group: plain('string'),
    answers: plain('json', { required: true }),
    idempotencyKey: idempotencyKey(),
    idempotencyFingerprint: idempotencyFingerprint(),
  },
};

export const suggestion = {
  ...voice(
    collectionType(
      'suggestion',
      'suggestions',
      'Suggestion',
      'An idea, problem, question or praise from an employee',
      submission,
    ),
  ),
  attributes: {
    message: plain('text', { required: true }),
    category: plain('enumeration', { enum: [...SUGGESTION_CATEGORIES], required: true }),
    pagePath: plain('string'),
    contentRef: plain('string'),
    name: plain('string'),
    email: plain('email'),
    status: plain('enumeration', { enum: [...SUGGESTION_STATUSES], default: 'new', required: true }),
    reply: plain('text'),
    /** The last reply e-mailed to the sender: when, to which address, by which editor. */
    emailedAt: plain('datetime'),
    emailedTo: plain('string'),
    emailedBy: plain('string'),
    /** Set while a reply is being e-mailed: a second send (a double click) finds it and does not send again. */
    emailSendingAt: plain('datetime', { private: true }),
    changedInBuild: plain('string'),
    changedAt: plain('datetime'),
    publicSummary: publicSummary(),
    idempotencyKey: idempotencyKey(),
    idempotencyFingerprint: idempotencyFingerprint(),
  },
};

export const feedback = {
  ...voice(
    collectionType(
      'feedback',
      'feedbacks',
      'Pilot feedback',
      'Feedback a pilot user or editor left on a preview page',
      submission,
    ),
  ),
  attributes: {
    message: plain('text', { required: true }),
    category: plain('enumeration', { enum: [...SUGGESTION_CATEGORIES], required: true }),
    pagePath: plain('string', { required: true }),
    // A locale code as Strapi's i18n spells it (nl, en, de, fr-BE…): any locale Ritme serves.
    locale: plain('string', { required: true, maxLength: 35 }),
    section: plain('string'),
    /** The section's heading as the pilot saw it (older feedback has only the id). */
    sectionHeading: plain('string'),
    contentRefs: plain('json'),
    build: plain('string', { required: true }),
    /** The pilot invite's documentId; empty for an editor who came in through Preview. */
    invite: plain('string'),
    /** The invite's name, kept only to show with the pilot's consent. */
    author: plain('string'),
    showName: plain('boolean', { default: false }),
    status: plain('enumeration', { enum: [...SUGGESTION_STATUSES], default: 'new', required: true }),
    reply: plain('text'),
    changedInBuild: plain('string'),
    changedAt: plain('datetime'),
    publicSummary: publicSummary(),
  },
};

/**
 * A closed round's results, computed once — the first time they are asked for
 * after the close — from the answers received inside its window, and never
 * changed afterwards: diffing two fetches can teach nothing about one answer.
 */
export const roundResult = {
  ...voice(
    collectionType(
      'round-result',
      'round-results',
      'Round results',
      "A closed evaluation round's frozen, k-anonymous results",
      submission,
    ),
  ),
  attributes: {
    /** The round's documentId; unique, so two requests racing to freeze store one snapshot. */
    round: plain('string', { required: true, unique: true, column: { unique: true } }),
    snapshot: plain('json', { required: true }),
    frozenAt: plain('datetime', { required: true }),
  },
};

/**
 * Preview links open once, across every preview server process: the first
 * use of a link's one-time id stores it here (a unique column, so two
 * simultaneous opens store one row); a later use finds it and is refused.
 * Rows are removed once the link would have expired anyway.
 */
export const previewLinkUse = {
  ...voice(
    collectionType(
      'preview-link-use',
      'preview-link-uses',
      'Used preview link',
      'The one-time id of a Preview link that has been opened',
      submission,
    ),
  ),
  attributes: {
    linkId: plain('string', { required: true, unique: true, maxLength: 64, column: { unique: true } }),
    expiresAt: plain('datetime', { required: true }),
  },
};

const inviteBase = collectionType(
  'pilot-invite',
  'pilot-invites',
  'Pilot invite',
  'Access to the preview intranet for a pilot user; created from the co-design inbox',
  submission,
);
// Created from the co-design inbox only: a token has to be generated and shown once.
export const pilotInvite = {
  ...voice(inviteBase),
  attributes: {
    name: plain('string', { required: true }),
    email: plain('email'),
    expiresAt: plain('datetime', { required: true }),
    revoked: plain('boolean', { default: false }),
    /** sha256 of the invite token; the token itself is shown once and never stored. */
    tokenHash: plain('string', { required: true, unique: true, private: true }),
    lastUsedAt: plain('datetime'),
  },
};

/**
 * An employee's sign-up for a training session. Seats are handed out in the
 * order sign-ups arrive, one session at a time under a lock (services/signups.ts),
 * so a session never has more confirmed sign-ups than seats; the rest wait, and a
 * cancellation confirms the first one waiting.
 */
export const sessionSignup = {
  ...voice(
    collectionType(
      'session-signup',
      'session-signups',
      'Session sign-up',
      "An employee's sign-up for a training session: confirmed, waiting or cancelled",
      submission,
    ),
  ),
  attributes: {
    /** documentIds, not relations: a sign-up stays tied to its session whatever its drafts and locales do. */
    session: plain('string', { required: true, maxLength: 64 }),
    training: plain('string', { maxLength: 64 }),
    name: plain('string', { required: true, maxLength: 100 }),
    email: plain('email', { required: true, maxLength: 254 }),
    /** The address in lower case: one active sign-up per address and session. */
    emailKey: plain('string', { required: true, maxLength: 254, private: true }),
    /** The language of the page it came from: its e-mails are written in it. */
    locale: plain('string', { required: true, maxLength: 35 }),
    status: plain('enumeration', { enum: ['confirmed', 'waiting', 'cancelled'], required: true }),
    confirmedAt: plain('datetime'),
    cancelledAt: plain('datetime'),
    /** When its last e-mail went out (empty: none could be sent). */
    mailedAt: plain('datetime'),
    /** sha256 of the cancel link's token; the token is only in the e-mail. */
    cancelTokenHash: plain('string', { required: true, unique: true, private: true, column: { unique: true } }),
    idempotencyKey: idempotencyKey(),
    idempotencyFingerprint: idempotencyFingerprint(),
  },
};

/** By Strapi's name for each type: `plugin::ritme.<key>`. */
export default {
  group: { schema: group },
  behaviour: { schema: behaviour },
  training: { schema: training },
  'training-session': { schema: trainingSession },
  person: { schema: person },
  spotlight: { schema: spotlight },
  'evaluation-round': { schema: evaluationRound },
  'evaluation-response': { schema: evaluationResponse },
  suggestion: { schema: suggestion },
  feedback: { schema: feedback },
  'pilot-invite': { schema: pilotInvite },
  'round-result': { schema: roundResult },
  'preview-link-use': { schema: previewLinkUse },
  'sync-tombstone': { schema: syncTombstone },
  'session-signup': { schema: sessionSignup },
};
