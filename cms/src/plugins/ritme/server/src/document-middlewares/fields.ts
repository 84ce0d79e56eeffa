/**
 * Checks on what editors type that the Content Manager does not make, run for
 * every save through the Document Service (the admin, the API, the seed):
 * a link an editor enters must be an absolute http(s) URL — it ends up in an
 * `href` on every intranet page that shows it, where `javascript:` would run
 * for every reader — an e-mail address shown as a mailto: link is a plain
 * address (no `?bcc=`, no second address), and names carry no bidirectional
 * control characters, which could make a name display as something else than it is.
 */
import { isCleanName, isSafeHttpUrl, mailtoOf } from '@ritme/shared';
import { errors } from '@strapi/utils';
import type { DocumentContext } from './slugs';

/** Fields that hold a link, per type. */
const URL_FIELDS: Record<string, string[]> = {
  'plugin::ritme.training-session': ['onlineUrl'],
  'plugin::ritme.person': ['chatUrl'],
};

/** Fields that hold an e-mail address shown as a link, per type. */
const EMAIL_FIELDS: Record<string, string[]> = {
  'plugin::ritme.person': ['email'],
};

/** Fields that hold a name or title, per type: shown as who or what an entry is. */
const NAME_FIELDS: Record<string, string[]> = {
  'plugin::ritme.person': ['name', 'roleTitle'],
  'plugin::ritme.group': ['name'],
  'plugin::ritme.behaviour': ['title'],
  'plugin::ritme.training': ['title'],
  'plugin::ritme.spotlight': ['title'],
  'plugin::ritme.evaluation-round': ['title'],
  'plugin::ritme.training-session': ['title'],
};

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export function fieldsMiddleware() {
  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    const data = context.params.data;
    if (!data || (context.action !== 'create' && context.action !== 'update')) return next();
    for (const field of URL_FIELDS[context.uid] ?? []) {
      const value = data[field];
      if (filled(value) && !isSafeHttpUrl(value.trim())) {
        throw new errors.ValidationError(
          `${field} must be a full web address starting with https:// or http:// (got "${value.slice(0, 80)}").`,
          { errors: [{ path: [field], message: 'Must be an http(s) URL.', name: 'ValidationError' }] },
        );
      }
      if (filled(value)) data[field] = value.trim();
    }
    for (const field of EMAIL_FIELDS[context.uid] ?? []) {
      const value = data[field];
      if (filled(value) && mailtoOf(value) === null) {
        throw new errors.ValidationError(
          `${field} must be one plain e-mail address such as name@example.org (got "${value.slice(0, 80)}").`,
          { errors: [{ path: [field], message: 'Must be an e-mail address.', name: 'ValidationError' }] },
        );
      }
      if (filled(value)) data[field] = value.trim();
    }
    for (const field of NAME_FIELDS[context.uid] ?? []) {
      const value = data[field];
      if (typeof value === 'string' && !isCleanName(value)) {
        throw new errors.ValidationError(
          `${field} contains invisible control or text-direction characters; type it as plain text.`,
          { errors: [{ path: [field], message: 'Contains control characters.', name: 'ValidationError' }] },
        );
      }
    }
    return next();
  };
}
