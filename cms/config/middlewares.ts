/**
 * Strapi's middleware stack, hardened for the demo. CORS allows no origin of
 * its own instead of Strapi's default of echoing any Origin with credentials
 * allowed: with that default, a script on any site — a preview page, a sibling
 * port on the same host — could call the admin API with the editor's cookies
 * and read the answer. The Ritme plugin adds the origins of its
 * `allowedOrigins` option (config/plugins.ts: the intranet, the preview
 * server), without credentials; the admin is same-origin.
 * `strapi::poweredBy` is left out, so no response names the server software.
 */
import { errors } from '@strapi/utils';

export default () => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: { origin: [], credentials: false },
  },
  'strapi::query',
  // Ritme's routes read their JSON themselves (256 kB at most); for every other route, refuse anything
  // much larger before it is parsed. A body that cannot be parsed (malformed JSON or multipart, on any
  // path) is the client's error: a 400, not a 500 with a stack trace in the log that anyone could fill.
  {
    name: 'strapi::body',
    config: {
      jsonLimit: '256kb',
      formLimit: '256kb',
      textLimit: '256kb',
      onError(error: Error) {
        // A ValidationError is answered as a 400 by strapi::errors without a log line.
        throw new errors.ValidationError(
          `The request body could not be read (${error.message.slice(0, 120)}). Send well-formed JSON.`,
        );
      },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
