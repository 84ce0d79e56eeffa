/**
 * One read model per public content route: which Strapi type it reads, the
 * explicit populate it asks for (never `populate=*`), and how a raw document
 * becomes the shape `@ritme/shared` promises.
 */
import {
  type Behaviour,
  type ContentRoute,
  DEFAULT_LOCALE,
  defaultQuestions,
  type EvaluationRound,
  effectiveMinimum,
  type Group,
  type Locale,
  type Person,
  questionsIn,
  type Spotlight,
  safeHttpUrl,
  type Training,
} from '@ritme/shared';
import {
  asEnumValue,
  behaviourRef,
  contactOf,
  type Doc,
  groupRef,
  iso,
  isoDate,
  many,
  numOrNull,
  one,
  personRef,
  personRefPopulate,
  photo,
  photoPopulate,
  previewMark,
  refFields,
  spotlightRef,
  str,
  strOrNull,
  trainingRef,
} from './refs';

type WithoutLocalizations<T> = Omit<T, 'localizations'>;

export interface ReadModel<T> {
  uid: `plugin::ritme.${string}`;
  populate: Record<string, unknown>;
  sort: string[];
  toDto(doc: Doc): WithoutLocalizations<T>;
}

const common = (doc: Doc) => ({
  documentId: doc.documentId,
  locale: str(doc.locale),
  slug: str(doc.slug),
  updatedAt: iso(doc.updatedAt),
  ...previewMark(doc),
});

/** Behaviour steps are written one per line in the editor. */
export const stepsOf = (how: unknown): string[] =>
  str(how)
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0);

/** A round's questions in `locale` (shared list or a legacy per-language one), the defaults when there are none. */
export const questionsOf = (value: unknown, locale: Locale) =>
  questionsIn(value, locale, DEFAULT_LOCALE) ?? defaultQuestions(locale);

export const groupModel: ReadModel<Group> = {
  uid: 'plugin::ritme.group',
  sort: ['name:asc'],
  populate: {
    people: personRefPopulate,
    behaviours: { fields: [...refFields.behaviour] },
    spotlights: { fields: [...refFields.spotlight], sort: ['date:desc'] },
  },
  toDto: (doc) => ({
    ...common(doc),
    name: str(doc.name),
    kind: asEnumValue(doc.kind),
    description: str(doc.description),
    people: many(doc.people).map(personRef),
    behaviours: many(doc.behaviours).map(behaviourRef),
    spotlights: many(doc.spotlights).map(spotlightRef),
  }),
};

export const behaviourModel: ReadModel<Behaviour> = {
  uid: 'plugin::ritme.behaviour',
  sort: ['title:asc'],
  populate: {
    groups: { fields: [...refFields.group] },
    trainings: { fields: [...refFields.training] },
  },
  toDto: (doc) => ({
    ...common(doc),
    title: str(doc.title),
    insteadOf: str(doc.insteadOf),
    why: str(doc.why),
    how: stepsOf(doc.how),
    cadence: asEnumValue(doc.cadence),
    skill: asEnumValue(doc.skill),
    example: str(doc.example),
    groups: many(doc.groups).map(groupRef),
    trainings: many(doc.trainings).map(trainingRef),
  }),
};

export const sessionFields = [
  'documentId',
  'updatedAt',
  'startsAt',
  'endsAt',
  'location',
  'onlineUrl',
  'seats',
] as const;
export const sessionDto = (doc: Doc) => ({
  documentId: doc.documentId,
  updatedAt: iso(doc.updatedAt),
  startsAt: iso(doc.startsAt),
  endsAt: iso(doc.endsAt),
  location: strOrNull(doc.location),
  // Saved values are checked on the way in; stored ones from before that are checked on the way out.
  onlineUrl: safeHttpUrl(doc.onlineUrl),
  seats: numOrNull(doc.seats),
});

export const trainingModel: ReadModel<Training> = {
  uid: 'plugin::ritme.training',
  sort: ['title:asc'],
  populate: {
    sessions: { fields: [...sessionFields], sort: ['startsAt:asc'] },
    behaviours: { fields: [...refFields.behaviour] },
  },
  toDto: (doc) => ({
    ...common(doc),
    title: str(doc.title),
    summary: str(doc.summary),
    body: str(doc.body),
    skill: asEnumValue(doc.skill),
    focus: asEnumValue(doc.focus),
    format: asEnumValue(doc.format),
    durationMinutes: numOrNull(doc.durationMinutes),
    sessions: many(doc.sessions).map(sessionDto),
    behaviours: many(doc.behaviours).map(behaviourRef),
  }),
};

export const personModel: ReadModel<Person> = {
  uid: 'plugin::ritme.person',
  sort: ['name:asc'],
  populate: { ...photoPopulate, groups: { fields: [...refFields.group] } },
  toDto: (doc) => ({
    ...common(doc),
    name: str(doc.name),
    roleTitle: str(doc.roleTitle),
    kind: asEnumValue(doc.kind),
    quote: str(doc.quote),
    photo: photo(doc.photo),
    ...contactOf(doc),
    groups: many(doc.groups).map(groupRef),
  }),
};

export const spotlightModel: ReadModel<Spotlight> = {
  uid: 'plugin::ritme.spotlight',
  sort: ['date:desc', 'title:asc'],
  populate: {
    person: personRefPopulate,
    group: { fields: [...refFields.group] },
    behaviour: { fields: [...refFields.behaviour] },
  },
  toDto: (doc) => {
    const person = one(doc.person);
    const group = one(doc.group);
    const behaviour = one(doc.behaviour);
    return {
      ...common(doc),
      title: str(doc.title),
      story: str(doc.story),
      date: isoDate(doc.date),
      person: person ? personRef(person) : null,
      group: group ? groupRef(group) : null,
      behaviour: behaviour ? behaviourRef(behaviour) : null,
    };
  },
};

export const evaluationRoundModel: ReadModel<EvaluationRound> = {
  uid: 'plugin::ritme.evaluation-round',
  sort: ['opensAt:desc'],
  populate: { group: { fields: [...refFields.group] } },
  toDto: (doc) => {
    const group = one(doc.group);
    const locale: Locale = str(doc.locale);
    return {
      ...common(doc),
      title: str(doc.title),
      intro: str(doc.intro),
      questions: questionsOf(doc.questions, locale),
      group: group ? groupRef(group) : null,
      opensAt: iso(doc.opensAt),
      closesAt: iso(doc.closesAt),
      minimumResponses: effectiveMinimum(numOrNull(doc.minimumResponses)),
      followUp: str(doc.followUp),
    };
  },
};

export const READ_MODELS: { [R in ContentRoute]: ReadModel<unknown> } = {
  groups: groupModel as ReadModel<unknown>,
  behaviours: behaviourModel as ReadModel<unknown>,
  trainings: trainingModel as ReadModel<unknown>,
  people: personModel as ReadModel<unknown>,
  spotlights: spotlightModel as ReadModel<unknown>,
  'evaluation-rounds': evaluationRoundModel as ReadModel<unknown>,
};
