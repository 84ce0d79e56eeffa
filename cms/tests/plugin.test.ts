/**
 * The plugin is loaded with every content type (an unbuilt local plugin would be
 * skipped silently), both locales exist, and each Strapi schema mirrors the
 * shared domain model: every field the API serves exists in the schema, and
 * every enumeration has exactly the shared values.
 */
import {
  CADENCES,
  CONTENT_SCHEMAS,
  GROUP_KINDS,
  LOCALES,
  PERSON_KINDS,
  SKILLS,
  SUGGESTION_CATEGORIES,
  SUGGESTION_STATUSES,
  SuggestionSchema,
  TRAINING_FOCUSES,
  TRAINING_FORMATS,
} from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RITME_TYPES } from './harness/api';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const attributesOf = (name: string) =>
  (app.strapi.contentType(`plugin::ritme.${name}` as never) as unknown as { attributes: Record<string, any> })
    .attributes;

describe('the ritme plugin', () => {
  it('is loaded with all of its content types', () => {
    expect(app.strapi.plugin('ritme')).toBeDefined();
    for (const name of RITME_TYPES) {
      expect(app.strapi.contentType(`plugin::ritme.${name}` as never), name).toBeDefined();
    }
  });

  it('has nl (default) and en locales', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    const codes = (await locales.find()).map((locale: { code: string }) => locale.code).sort();
    expect(codes).toEqual([...LOCALES].sort());
    expect(await locales.getDefaultLocale()).toBe('nl');
  });

  it('makes pages localized with drafts, and submissions neither', () => {
    for (const name of ['group', 'behaviour', 'training', 'person', 'spotlight', 'evaluation-round']) {
      const schema = app.strapi.contentType(`plugin::ritme.${name}` as never) as any;
      expect(schema.options.draftAndPublish, name).toBe(true);
      expect(schema.pluginOptions.i18n.localized, name).toBe(true);
    }
    for (const name of ['suggestion', 'evaluation-response']) {
      const schema = app.strapi.contentType(`plugin::ritme.${name}` as never) as any;
      expect(schema.options.draftAndPublish, name).toBe(false);
      expect(schema.pluginOptions.i18n, name).toBeUndefined();
    }
  });

  it('serves only fields that exist in the Strapi schemas', () => {
    // `preview` is added by preview reads only (draft or published, what is missing).
    const computed = new Set(['documentId', 'locale', 'updatedAt', 'createdAt', 'localizations', 'preview']);
    const typeOf: Record<string, string> = {
      groups: 'group',
      behaviours: 'behaviour',
      trainings: 'training',
      people: 'person',
      spotlights: 'spotlight',
      'evaluation-rounds': 'evaluation-round',
    };
    for (const [route, schema] of Object.entries(CONTENT_SCHEMAS)) {
      const attributes = attributesOf(typeOf[route] as string);
      for (const field of Object.keys(schema.shape)) {
        if (computed.has(field)) continue;
        expect(attributes, `${route}.${field}`).toHaveProperty(field);
      }
    }
    for (const [name, schema] of [['suggestion', SuggestionSchema]] as const) {
      for (const field of Object.keys(schema.shape)) {
        if (computed.has(field)) continue;
        expect(attributesOf(name), `${name}.${field}`).toHaveProperty(field);
      }
    }
  });

  it('uses exactly the shared enumerations', () => {
    const expectEnum = (type: string, field: string, values: readonly string[]) =>
      expect(attributesOf(type)[field].enum, `${type}.${field}`).toEqual([...values]);
    expectEnum('group', 'kind', GROUP_KINDS);
    expectEnum('behaviour', 'cadence', CADENCES);
    expectEnum('behaviour', 'skill', SKILLS);
    expectEnum('training', 'skill', SKILLS);
    expectEnum('training', 'focus', TRAINING_FOCUSES);
    expectEnum('training', 'format', TRAINING_FORMATS);
    expectEnum('person', 'kind', PERSON_KINDS);
    expectEnum('suggestion', 'category', SUGGESTION_CATEGORIES);
    expectEnum('suggestion', 'status', SUGGESTION_STATUSES);
  });

  it('stores nothing that could identify who answered an evaluation round', () => {
    const fields = Object.keys(attributesOf('evaluation-response'));
    for (const forbidden of ['ip', 'ipAddress', 'userAgent', 'user', 'users_permissions_user', 'email', 'name']) {
      expect(fields).not.toContain(forbidden);
    }
    expect(
      fields
        .filter(
          (field) =>
            ![
              'createdAt',
              'updatedAt',
              'publishedAt',
              'createdBy',
              'updatedBy',
              'documentId',
              'locale',
              'localizations',
            ].includes(field),
        )
        .sort(),
    ).toEqual(['answers', 'group', 'idempotencyFingerprint', 'idempotencyKey', 'round']);
    // The client's random Idempotency-Key: private, and hidden in the admin too.
    expect(attributesOf('evaluation-response').idempotencyKey).toMatchObject({ private: true, unique: true });
  });

  it('keeps what belongs to the thing itself one value in every language', () => {
    const shared: [string, string[]][] = [
      // Questions too: one list for every language, each question labelled per language inside it.
      ['evaluation-round', ['opensAt', 'closesAt', 'minimumResponses', 'questions', 'closedForGoodAt']],
      ['training-session', ['startsAt', 'endsAt', 'seats', 'onlineUrl']],
      ['person', ['name']],
    ];
    for (const [type, fields] of shared) {
      for (const field of fields) {
        expect(attributesOf(type)[field].pluginOptions?.i18n?.localized, `${type}.${field}`).toBe(false);
      }
    }
    // …while what is written in a language stays per language.
    for (const [type, field] of [
      ['evaluation-round', 'title'],
      ['evaluation-round', 'followUp'],
      ['training-session', 'location'],
      ['person', 'roleTitle'],
    ]) {
      expect(attributesOf(type as string)[field as string].pluginOptions?.i18n?.localized, `${type}.${field}`).toBe(
        true,
      );
    }
  });
});
