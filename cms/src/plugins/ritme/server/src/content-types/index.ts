/**
 * Ritme's content model. Page content is localized (nl, en) with draft &
 * publish; the voices that come back (suggestions, evaluation responses) are
 * neither, so a public POST can never publish or draft anything.
 */
import {
  CADENCES,
  GROUP_KINDS,
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
  json,
  markdown,
  relation,
  slugOf,
  text,
} from './attributes';

const page = { localized: true, draftAndPublish: true };
const submission = { localized: false, draftAndPublish: false };
const plain = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra });

/**
 * The random Idempotency-Key a client may send with a public submission (not
 * identity: never shown to editors). `column.unique` makes it a database unique
 * index, not only Strapi's check before insert, so two simultaneous requests
 * with one key store one row; the submissions service answers the other with
 * the first receipt. A fresh object per type, as Strapi may write into it.
 * `hiddenKey` keeps it out of the admin's content manager as well.
 */
const idempotencyKey = () => plain('string', { unique: true, private: true, maxLength: 100, column: { unique: true } });
const hiddenKey = () => ({ attributes: { idempotencyKey: { hidden: true } } });

export const group = {
  ...collectionType('group', 'groups', 'Group', 'A team, project, department or community', page),
  attributes: {
    name: text({ required: true, maxLength: 120 }),
    slug: slugOf('name'),
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
    training: relation('manyToOne', 'training', { inversedBy: 'sessions' }),
    startsAt: datetime(true),
    endsAt: datetime(true),
    location: text({ maxLength: 200 }),
    onlineUrl: text({ maxLength: 500 }),
    seats: integer({ min: 0 }),
  },
};

export const person = {
  ...collectionType('person', 'people', 'Person', 'A leader, ambassador or coach who leads by example', page),
  attributes: {
    name: text({ required: true, maxLength: 120 }),
    slug: slugOf('name'),
    roleTitle: text({ maxLength: 120 }),
    kind: enumeration(PERSON_KINDS, 'ambassador'),
    quote: text({ long: true }),
    photo: plain('media', { multiple: false, allowedTypes: ['images'] }),
    groups: relation('manyToMany', 'group', { mappedBy: 'people' }),
    spotlights: relation('oneToMany', 'spotlight', { mappedBy: 'person' }),
  },
};

export const spotlight = {
  ...collectionType('spotlight', 'spotlights', 'Spotlight', 'Names and appreciates positive behaviour', page),
  attributes: {
    title: text({ required: true, maxLength: 200 }),
    slug: slugOf('title'),
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
    intro: text({ long: true }),
    /** [{ key, label }]; left empty, the seed blog's three questions are filled in. */
    questions: json(),
    group: relation('manyToOne', 'group', { inversedBy: 'evaluationRounds' }),
    opensAt: datetime(true),
    closesAt: datetime(true),
    minimumResponses: integer({ min: 1, defaultValue: 5, required: true }),
    followUp: text({ long: true }),
  },
};

export const evaluationResponse = {
  ...collectionType(
    'evaluation-response',
    'evaluation-responses',
    'Evaluation response',
    'An anonymous answer to an evaluation round: no user, IP address or user agent is stored',
    submission,
  ),
  config: hiddenKey(),
  attributes: {
    /** documentIds, not relations: answers stay tied to a round whatever its drafts and locales do. */
    round: plain('string', { required: true }),
    group: plain('string'),
    answers: plain('json', { required: true }),
    idempotencyKey: idempotencyKey(),
  },
};

export const suggestion = {
  ...collectionType(
    'suggestion',
    'suggestions',
    'Suggestion',
    'An idea, problem, question or praise from an employee',
    submission,
  ),
  config: hiddenKey(),
  attributes: {
    message: plain('text', { required: true }),
    category: plain('enumeration', { enum: [...SUGGESTION_CATEGORIES], required: true }),
    pagePath: plain('string'),
    contentRef: plain('string'),
    name: plain('string'),
    email: plain('email'),
    status: plain('enumeration', { enum: [...SUGGESTION_STATUSES], default: 'new', required: true }),
    reply: plain('text'),
    changedInBuild: plain('string'),
    changedAt: plain('datetime'),
    idempotencyKey: idempotencyKey(),
  },
};

export const feedback = {
  ...collectionType(
    'feedback',
    'feedbacks',
    'Pilot feedback',
    'Feedback a pilot user or editor left on a preview page',
    submission,
  ),
  attributes: {
    message: plain('text', { required: true }),
    category: plain('enumeration', { enum: [...SUGGESTION_CATEGORIES], required: true }),
    pagePath: plain('string', { required: true }),
    locale: plain('enumeration', { enum: ['nl', 'en'], required: true }),
    section: plain('string'),
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
  },
};

const inviteBase = collectionType(
  'pilot-invite',
  'pilot-invites',
  'Pilot invite',
  'Access to the preview intranet for a pilot user; created from the co-design inbox',
  submission,
);
export const pilotInvite = {
  ...inviteBase,
  // Created from the co-design inbox only: a token has to be generated and shown once.
  pluginOptions: { ...inviteBase.pluginOptions, 'content-manager': { visible: false } },
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
};
