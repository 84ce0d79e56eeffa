/**
 * Seeds the demo content, idempotently: every entry is remembered by its seed
 * key in Strapi's store, so a second run creates nothing and changes nothing,
 * and a run that stopped half-way picks up where it left off. Entries are
 * created in Dutch, translated to English and published in dependency order,
 * so every relation points at something already published.
 */
import type { Core } from '@strapi/strapi';
import { demoContent } from './content';
import type { Localized, SeedContent, SeedDraft } from './types';

type Data = Record<string, unknown>;
type Docs = {
  create(params: Data): Promise<{ documentId: string }>;
  update(params: Data): Promise<unknown>;
  publish(params: Data): Promise<unknown>;
  findOne(params: Data): Promise<{ documentId: string } | null>;
};

const DAY = 24 * 60 * 60 * 1000;
const uid = (name: string) => `plugin::ritme.${name}`;

export interface SeedResult {
  created: number;
  kept: number;
}

export async function seedDemo(
  strapi: Core.Strapi,
  options: { content?: SeedContent; now?: Date } = {},
): Promise<SeedResult> {
  const content = options.content ?? demoContent;
  const now = options.now ?? new Date();
  const store = strapi.store({ type: 'plugin', name: 'ritme', key: 'demo-seed' });
  const seen: Record<string, string> = ((await store.get({})) as Record<string, string> | null) ?? {};
  const result: SeedResult = { created: 0, kept: 0 };
  const docs = (name: string) => strapi.documents(uid(name) as never) as unknown as Docs;
  const id = (kind: string, key: string) => {
    const documentId = seen[`${kind}:${key}`];
    if (!documentId) throw new Error(`Demo seed: ${kind} "${key}" is referenced before it exists.`);
    return documentId;
  };

  /** Create (nl), translate (en) and publish one localized document — or leave it a draft — unless it is already there. */
  async function page(kind: string, key: string, fields: (locale: 'nl' | 'en') => Data, draft?: SeedDraft) {
    const remembered = seen[`${kind}:${key}`];
    if (remembered && (await docs(kind).findOne({ documentId: remembered, locale: 'nl' }))) {
      result.kept += 1;
      return remembered;
    }
    const sharing = draft ? { sharedWithPilots: draft === 'shared' } : {};
    const { documentId } = await docs(kind).create({ locale: 'nl', data: { ...fields('nl'), ...sharing } });
    await docs(kind).update({ documentId, locale: 'en', data: fields('en') });
    if (!draft) await docs(kind).publish({ documentId, locale: '*' });
    seen[`${kind}:${key}`] = documentId;
    await store.set({ value: seen });
    result.created += 1;
    return documentId;
  }

  const pick = (text: Localized, locale: 'nl' | 'en') => text[locale];

  for (const person of content.people) {
    await page('person', person.key, (locale) => ({
      name: person.name,
      kind: person.kind,
      email: person.email ?? null,
      chatUrl: person.chatUrl ?? null,
      roleTitle: pick(person.roleTitle, locale),
      quote: pick(person.quote, locale),
    }));
  }
  for (const group of content.groups) {
    await page(
      'group',
      group.key,
      (locale) => ({
        name: pick(group.name, locale),
        kind: group.kind,
        description: pick(group.description, locale),
        people: group.people.map((key) => id('person', key)),
      }),
      group.draft,
    );
  }
  for (const behaviour of content.behaviours) {
    await page(
      'behaviour',
      behaviour.key,
      (locale) => ({
        title: pick(behaviour.title, locale),
        insteadOf: pick(behaviour.insteadOf, locale),
        why: pick(behaviour.why, locale),
        how: pick(behaviour.how, locale),
        example: pick(behaviour.example, locale),
        cadence: behaviour.cadence,
        skill: behaviour.skill,
        groups: behaviour.groups.map((key) => id('group', key)),
      }),
      behaviour.draft,
    );
  }
  const seedDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (const training of content.trainings) {
    const trainingId = await page('training', training.key, (locale) => ({
      title: pick(training.title, locale),
      summary: pick(training.summary, locale),
      body: pick(training.body, locale),
      skill: training.skill,
      focus: training.focus,
      format: training.format,
      durationMinutes: training.durationMinutes,
      behaviours: training.behaviours.map((key) => id('behaviour', key)),
    }));
    for (const [index, session] of training.sessions.entries()) {
      // Hours are Amsterdam local time; UTC+1 is close enough for demo data.
      const startsAt = new Date(seedDay + session.inDays * DAY + (session.hour - 1) * 60 * 60 * 1000);
      const endsAt = new Date(startsAt.getTime() + session.durationMinutes * 60 * 1000);
      await page('training-session', `${training.key}#${index}`, (locale) => ({
        training: trainingId,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        location: session.location ? pick(session.location, locale) : null,
        onlineUrl: session.onlineUrl,
        seats: session.seats,
      }));
    }
  }
  for (const spotlight of content.spotlights) {
    await page('spotlight', spotlight.key, (locale) => ({
      title: pick(spotlight.title, locale),
      story: pick(spotlight.story, locale),
      date: new Date(now.getTime() - spotlight.daysAgo * DAY).toISOString().slice(0, 10),
      person: spotlight.person ? id('person', spotlight.person) : null,
      group: spotlight.group ? id('group', spotlight.group) : null,
      behaviour: spotlight.behaviour ? id('behaviour', spotlight.behaviour) : null,
    }));
  }
  for (const round of content.rounds) {
    const open = round.state === 'open';
    const opensAt = new Date(now.getTime() - (open ? 7 : 60) * DAY);
    const roundId = await page('evaluation-round', round.key, (locale) => ({
      title: pick(round.title, locale),
      intro: pick(round.intro, locale),
      group: round.group ? id('group', round.group) : null,
      opensAt: opensAt.toISOString(),
      closesAt: new Date(now.getTime() + (open ? 21 : -30) * DAY).toISOString(),
      minimumResponses: round.minimumResponses,
      followUp: round.followUp ? pick(round.followUp, locale) : null,
    }));
    const group = round.group ? id('group', round.group) : null;
    for (const [index, answers] of round.responses.entries()) {
      const key = `evaluation-response:${round.key}#${index}`;
      if (seen[key]) {
        result.kept += 1;
        continue;
      }
      const { documentId } = await docs('evaluation-response').create({ data: { round: roundId, group, answers } });
      // Results count only answers received while a round was open: date the demo answers inside the window.
      const receivedAt = new Date(opensAt.getTime() + (index + 1) * 60 * 60 * 1000).toISOString();
      await strapi.db
        .query('plugin::ritme.evaluation-response' as never)
        .update({ where: { documentId }, data: { createdAt: receivedAt } });
      seen[key] = documentId;
      await store.set({ value: seen });
      result.created += 1;
    }
  }
  // "Jij vroeg, wij veranderden": suggestions that were acted on, with the editor's public summary.
  const codesign = strapi.plugin('ritme').service('codesign');
  for (const change of content.changes) {
    const key = `suggestion:${change.key}`;
    if (seen[key]) {
      result.kept += 1;
      continue;
    }
    const { documentId } = await docs('suggestion').create({
      data: {
        message: change.message,
        category: change.category,
        contentRef: change.behaviour ? `behaviour:${id('behaviour', change.behaviour)}` : null,
        status: 'new',
      },
    });
    await codesign.updateInboxItem('suggestion', documentId, {
      changedInBuild: change.build,
      publicSummary: change.summary,
    });
    seen[key] = documentId;
    await store.set({ value: seen });
    result.created += 1;
  }
  return result;
}
