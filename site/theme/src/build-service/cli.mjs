#!/usr/bin/env node
// @ts-check
/**
 * `ritme-build-service`: keeps a static Ritme intranet live by itself. Strapi
 * notifies it when content changes; it syncs what changed and renders the pages
 * that show it (a renderer bundled once per code version), switches the served
 * site atomically, and builds again whenever a page changes by the clock.
 *
 *   ritme-build-service --root <astro project> [--port 4321] [--host localhost] [--no-serve] [--rebuild] [--full-builds]
 *
 *   --no-serve     only build (and hold <builds>/current → the newest good build), e.g. to sync it to a CDN
 *   --rebuild      with --full-builds: build once at start even when there is a good build (served meanwhile);
 *                  incremental builds always catch up at start (what was published while the service was down)
 *   --full-builds  every build a full `astro build` (slower; for sites the renderer cannot serve)
 *
 *   CMS_URL                  where Strapi runs (required)
 *   RITME_BUILD_SECRET       the secret Strapi sends in x-ritme-build-secret (required, ≥ 16 characters)
 *   RITME_BUILDS_DIR         where the builds go (<root>/.ritme-builds)
 *   RITME_BUILD_DEBOUNCE_MS  quiet time after a notification before building (1500); the plugin's
 *                            notifications come debounced already and build at once
 *   HOST, PORT               where to listen, when not given as options (localhost, 4321)
 *   RITME_BUILD_VERBOSE=1    pass Astro's build output through
 *
 * The rest of the environment (PUBLIC_CMS_URL, SITE_URL, …) reaches every build.
 */
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBuildService, MIN_SECRET_LENGTH } from './service.mjs';

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/** @type {Record<string, string | boolean | undefined>} */
let values = {};
try {
  ({ values } = parseArgs({
    options: {
      root: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      builds: { type: 'string' },
      'debounce-ms': { type: 'string' },
      'no-serve': { type: 'boolean' },
      rebuild: { type: 'boolean' },
      'full-builds': { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : error}. See ritme-build-service --help.`);
}
if (values.help) {
  console.log(
    'ritme-build-service --root <astro project> [--port 4321] [--host localhost] [--builds <dir>] [--debounce-ms 1500] [--no-serve] [--rebuild] [--full-builds] [--verbose]\n' +
      'Environment: CMS_URL and RITME_BUILD_SECRET (required), RITME_BUILDS_DIR, RITME_BUILD_DEBOUNCE_MS, HOST, PORT.',
  );
  process.exit(0);
}

const env = process.env;
const root = path.resolve(String(values.root ?? '.'));
const cmsUrl = env.CMS_URL;
if (!cmsUrl || !/^https?:\/\//.test(cmsUrl))
  fail('Set CMS_URL to where Strapi runs, e.g. CMS_URL=http://localhost:1337.');
const secret = env.RITME_BUILD_SECRET ?? '';
if (secret.length < MIN_SECRET_LENGTH) {
  fail(
    `Set RITME_BUILD_SECRET to a random secret of at least ${MIN_SECRET_LENGTH} characters (${secret ? `this one has ${secret.length}` : 'it is not set'}), the same value Strapi has.`,
  );
}
const number = (/** @type {unknown} */ value, /** @type {string} */ name, /** @type {number} */ fallback) => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) fail(`${name} must be a whole number, not "${value}".`);
  return parsed;
};
const port = number(values.port ?? env.PORT, '--port', 4321);
const host = String(values.host ?? env.HOST ?? 'localhost');
const debounceMs = number(values['debounce-ms'] ?? env.RITME_BUILD_DEBOUNCE_MS, 'RITME_BUILD_DEBOUNCE_MS', 1500);
const serve = !values['no-serve'];

const service = (() => {
  try {
    return createBuildService({
      root,
      cmsUrl: /** @type {string} */ (cmsUrl),
      secret,
      buildsDir: values.builds ? path.resolve(String(values.builds)) : env.RITME_BUILDS_DIR || undefined,
      debounceMs,
      serve,
      buildAtStart: Boolean(values.rebuild),
      incremental: !values['full-builds'],
      verbose: Boolean(values.verbose) || env.RITME_BUILD_VERBOSE === '1',
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();

const server = http.createServer(service.handler);
server.on('error', (error) => fail(`The build service cannot listen on ${host}:${port}: ${error.message}`));
server.listen(port, host, () => {
  const address = server.address();
  const shown = address && typeof address === 'object' ? `http://${host}:${address.port}` : `${host}:${port}`;
  console.log(
    `Ritme build service on ${shown} — ${serve ? 'serving' : 'building (not serving)'} ${root}, builds in ${service.buildsDir}; Strapi at ${cmsUrl}.`,
  );
  service.start().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  service.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
