/**
 * Everything the intranet's home page shows, in one request: the focus
 * behaviour of the week, upcoming sessions, latest spotlights, the open
 * evaluation round and the people who lead by example. Published content for
 * the public route; the preview route passes its scope (read-models/scope.ts).
 */
import { focusOfTheWeek, type Locale, weekNumber } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { behaviourModel, evaluationRoundModel, sessionDto, sessionFields, spotlightModel } from '../read-models';
import { one, personRef, personRefPopulate, refFields, trainingRef } from '../read-models/refs';
import { PUBLIC_READ, type ReadScope, type ScopedReader, scopedReader } from '../read-models/scope';
import { assertServed } from './locales';

const UPCOMING_SESSIONS = 6;
const LATEST_SPOTLIGHTS = 3;
const PEOPLE = 12;

async function focusBehaviour(reader: ScopedReader, now: Date) {
  const ids = await reader.findMany(behaviourModel.uid, { fields: ['documentId'] });
  const focus = focusOfTheWeek(ids, now);
  if (!focus) return null;
  const doc = await reader.findFirst(behaviourModel.uid, {
    filters: { documentId: focus.documentId },
    populate: behaviourModel.populate,
  });
  if (!doc) return null;
  const [entry] = await reader.withLocalizations(behaviourModel.uid, [behaviourModel.toDto(doc)]);
  return entry ?? null;
}

async function upcomingSessions(reader: ScopedReader, now: Date) {
  const docs = await reader.findMany('plugin::ritme.training-session', {
    filters: { startsAt: { $gt: now.toISOString() } },
    sort: ['startsAt:asc'],
    fields: [...sessionFields],
    populate: { training: { fields: [...refFields.training] } },
    // Sessions of an unpublished training come back without one; ask for a few extra.
    limit: UPCOMING_SESSIONS * 3,
  });
  return docs
    .flatMap((doc) => {
      const training = one(doc.training);
      return training ? [{ ...sessionDto(doc), training: trainingRef(training) }] : [];
    })
    .slice(0, UPCOMING_SESSIONS);
}

async function latestSpotlights(reader: ScopedReader) {
  const docs = await reader.findMany(spotlightModel.uid, {
    sort: spotlightModel.sort,
    populate: spotlightModel.populate,
    limit: LATEST_SPOTLIGHTS,
  });
  return reader.withLocalizations(spotlightModel.uid, docs.map(spotlightModel.toDto));
}

async function openRound(reader: ScopedReader, now: Date) {
  const doc = await reader.findFirst(evaluationRoundModel.uid, {
    filters: { opensAt: { $lte: now.toISOString() }, closesAt: { $gt: now.toISOString() } },
    sort: ['closesAt:asc'],
    populate: evaluationRoundModel.populate,
  });
  if (!doc) return null;
  const [entry] = await reader.withLocalizations(evaluationRoundModel.uid, [evaluationRoundModel.toDto(doc)]);
  return entry ?? null;
}

async function people(reader: ScopedReader) {
  const docs = await reader.findMany('plugin::ritme.person', {
    filters: { kind: { $in: ['leader', 'ambassador'] } },
    sort: ['kind:desc', 'name:asc'],
    ...personRefPopulate,
    limit: PEOPLE,
  });
  return docs.map(personRef);
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(locale: Locale, now = new Date(), scope: ReadScope = PUBLIC_READ) {
    await assertServed(strapi, locale);
    const reader = scopedReader(strapi, scope, locale);
    const [focus, sessions, spotlights, round, leaders] = await Promise.all([
      focusBehaviour(reader, now),
      upcomingSessions(reader, now),
      latestSpotlights(reader),
      openRound(reader, now),
      people(reader),
    ]);
    return {
      locale,
      week: weekNumber(now),
      focusBehaviour: focus,
      upcomingSessions: sessions,
      latestSpotlights: spotlights,
      openRound: round,
      people: leaders,
    };
  },
});
