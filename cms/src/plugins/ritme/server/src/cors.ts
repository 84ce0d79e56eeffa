/**
 * The `allowedOrigins` option, applied to Strapi's own CORS middleware: the
 * host's `strapi::cors` entry keeps everything it says, and the plugin's
 * origins are allowed too — for Ritme's API only (/api/ritme; never the admin
 * API), and without credentials (the intranet's forms need none). Done in register(): Strapi reads its middleware list at bootstrap,
 * after every plugin's register, so the change takes effect for every request,
 * preflight OPTIONS included.
 */
import type { Core } from '@strapi/strapi';
import { Origin } from './config';
import { isUnder } from './middlewares/json-only';

type CorsConfig = {
  origin?: string | string[] | ((ctx: Ctx) => unknown);
  credentials?: boolean | ((ctx: Ctx) => unknown);
  headers?: string | string[];
  [key: string]: unknown;
};
type Entry = string | { name?: string; resolve?: string; config?: CorsConfig };
type Ctx = { get(header: string): string; path: string };

/** Strapi's list when the host has no config/middlewares file. */
const STRAPI_DEFAULT_MIDDLEWARES: Entry[] = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::session',
  'strapi::query',
  'strapi::body',
  'strapi::favicon',
  'strapi::public',
];
const STRAPI_DEFAULT_HEADERS = ['Content-Type', 'Authorization', 'Origin', 'Accept'];
/** Sent by the intranet with a submission, so a retry is not stored twice. */
const RITME_HEADERS = ['Content-Type', 'Idempotency-Key'];

export type AllowedOrigins = string[] | (() => string[]);

/** The plugin's origins now (a function is asked each time); anything that is not an origin is dropped. */
export const originsOf = (allowed: AllowedOrigins): string[] =>
  (typeof allowed === 'function' ? allowed() : allowed).filter(
    (origin) => typeof origin === 'string' && Origin.safeParse(origin).success,
  );

export function applyAllowedOrigins(strapi: Core.Strapi) {
  const allowed = strapi.plugin('ritme').config('allowedOrigins') as AllowedOrigins;
  const entries = [...(strapi.config.get('middlewares', STRAPI_DEFAULT_MIDDLEWARES) as Entry[])];
  const at = entries.findIndex((entry) => (typeof entry === 'string' ? entry : entry.name) === 'strapi::cors');
  // Strapi refuses to start without strapi::cors; it says so itself.
  if (at === -1) return;
  const entry = entries[at] as Entry;
  const host: CorsConfig = typeof entry === 'string' ? {} : { ...entry.config };
  const hostOrigin = host.origin ?? '*';
  const hostCredentials = host.credentials ?? true;
  if (hostOrigin === '*' && hostCredentials === true) {
    // Strapi's default answers any Origin with credentials allowed: a script on any site could use an
    // editor's admin cookie. Ritme's own routes are safe either way; the host's admin API is not.
    strapi.log.warn(
      "ritme: Strapi's CORS default lets any website call your admin API with an editor's cookies. " +
        "Set { name: 'strapi::cors', config: { origin: [], credentials: false } } in config/middlewares " +
        "(the intranet's origins belong in the ritme plugin's allowedOrigins).",
    );
  }
  const api = `${String(strapi.config.get('api.rest.prefix', '/api'))}/ritme`;
  const ours = (ctx: Ctx) => {
    const origin = ctx.get('Origin');
    return origin !== '' && isUnder(ctx.path, api) && originsOf(allowed).includes(origin);
  };
  const headers = typeof host.headers === 'string' ? host.headers.split(',').map((h) => h.trim()) : host.headers;
  const config: CorsConfig = {
    ...host,
    async origin(ctx: Ctx) {
      if (ours(ctx)) return [ctx.get('Origin')];
      return typeof hostOrigin === 'function' ? hostOrigin(ctx) : hostOrigin;
    },
    async credentials(ctx: Ctx) {
      if (ours(ctx)) return false;
      return typeof hostCredentials === 'function' ? hostCredentials(ctx) : hostCredentials;
    },
    headers: [...new Set([...(headers ?? STRAPI_DEFAULT_HEADERS), ...RITME_HEADERS])],
  };
  entries[at] = { ...(typeof entry === 'string' ? { name: entry } : entry), config };
  strapi.config.set('middlewares', entries);
}
