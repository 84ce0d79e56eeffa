/**
 * Strapi's middleware stack, with Ritme's settings. CORS names the origins
 * that may call the API from a browser (the intranet, which posts suggestions
 * and answers) instead of Strapi's default of echoing any Origin with
 * credentials allowed: with that default, a script on any site — a preview
 * page, a sibling port on the same host — could call the admin API with the
 * editor's cookies and read the answer. No credentials are ever allowed
 * cross-origin: the intranet's forms need none, and the admin is same-origin.
 * `strapi::poweredBy` is left out, so no response names the server software.
 */
import { errors } from '@strapi/utils';

type Env = ((key: string, fallback?: string) => string) & {
  array(key: string, fallback?: string[]): string[];
};

/** The demo intranet (`npm start`); production sets CORS_ORIGINS to the intranet's own origin(s). */
const DEMO_ORIGINS = ['http://localhost:4321', 'http://127.0.0.1:4321'];

export default ({ env }: { env: Env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // Read per request (from the environment), so a test's static server on a random port can add itself.
      origin: () => env.array('CORS_ORIGINS', DEMO_ORIGINS).filter((origin) => origin !== '*'),
      credentials: false,
      // Strapi's default request headers, plus the Idempotency-Key a browser may send with a submission.
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'Idempotency-Key'],
    },
  },
  'strapi::query',
  // Submissions are a few kB and trainings a few dozen; refuse anything much larger before it is parsed.
  // A body that cannot be parsed (malformed JSON or multipart, on any path) is the client's error: a 400,
  // not a 500 with a stack trace in the log that anyone could fill.
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
