/**
 * Everything the intranet's home page shows, in one request: the focus
 * behaviour of the week, upcoming sessions, latest spotlights, the open
 * evaluation round and the people who lead by example.
 */
import { focusOfTheWeek, type Locale, weekNumber } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents } from '../documents';
import { behaviourModel, evaluationRoundModel, sessionDto, sessionFields, spotlightModel } from '../read-models';
import { one, personRef, personRefPopulate, refFields, trainingRef } from '../read-models/refs';
import type { Status } from './content';

const UPCOMING_SESSIONS = 6;
const LATEST_SPOTLIGHTS = 3;
const PEOPLE = 12;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const content = () => strapi.plugin('ritme').service('content');

  async function focusBehaviour(locale: Locale, now: Date, status: Status) {
    const published = { locale, status };
    const ids = await documents(strapi, behaviourModel.uid).findMany({ ...published, fields: ['documentId'] });
    const focus = focusOfTheWeek(ids, now);
    if (!focus) return null;
    const doc = await documents(strapi, behaviourModel.uid).findOne({
      ...published,
      documentId: focus.documentId,
      populate: behaviourModel.populate,
    });
    if (!doc) return null;
    const [entry] = await content().withLocalizations(behaviourModel.uid, [behaviourModel.toDto(doc)], locale, status);
    return entry ?? null;
  }

  async function upcomingSessions(locale: Locale, now: Date, status: Status) {
    const docs = await documents(strapi, 'plugin::ritme.training-session').findMany({
      locale,
      status,
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

  async function latestSpotlights(locale: Locale, status: Status) {
    const docs = await documents(strapi, spotlightModel.uid).findMany({
      locale,
      status,
      sort: spotlightModel.sort,
      populate: spotlightModel.populate,
      limit: LATEST_SPOTLIGHTS,
    });
    return content().withLocalizations(spotlightModel.uid, docs.map(spotlightModel.toDto), locale, status);
  }

  async function openRound(locale: Locale, now: Date, status: Status) {
    const doc = await documents(strapi, evaluationRoundModel.uid).findFirst({
      locale,
      status,
      filters: { opensAt: { $lte: now.toISOString() }, closesAt: { $gt: now.toISOString() } },
      sort: ['closesAt:asc'],
      populate: evaluationRoundModel.populate,
    });
    if (!doc) return null;
    const [entry] = await content().withLocalizations(
      evaluationRoundModel.uid,
      [evaluationRoundModel.toDto(doc)],
      locale,
    );
    return entry ?? null;
  }

  async function people(locale: Locale, status: Status) {
    const docs = await documents(strapi, 'plugin::ritme.person').findMany({
      locale,
      status,
      filters: { kind: { $in: ['leader', 'ambassador'] } },
      sort: ['kind:desc', 'name:asc'],
      ...personRefPopulate,
      limit: PEOPLE,
    });
    return docs.map(personRef);
  }

  return {
    async get(locale: Locale, now = new Date(), status: Status = 'published') {
      const [focus, sessions, spotlights, round, leaders] = await Promise.all([
        focusBehaviour(locale, now, status),
        upcomingSessions(locale, now, status),
        latestSpotlights(locale, status),
        openRound(locale, now, status),
        people(locale, status),
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
  };
};
