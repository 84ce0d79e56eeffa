#!/usr/bin/env node
// @ts-check
/**
 * Starts the preview server: the Astro build (dist-preview/ in the current
 * folder, or the build folder given as the first argument) behind a small
 * HTTP server of ours. Installed as the `ritme-preview-server` command of
 * @ritme/astro-theme (also importable as `@ritme/astro-theme/preview-server`).
 * Before Astro sees a request, X-Forwarded-For is replaced with the real client
 * address (client-address.mjs), so the per-address limit on pilot log-ins, and
 * the address the preview server reports to Strapi, cannot be made up.
 *
 *   ritme-preview-server [build folder]      (after RITME_MODE=preview astro build --outDir <folder>)
 *
 *   HOST, PORT              where to listen (localhost, 4322)
 *   RITME_TRUSTED_PROXIES   the proxies in front of it, if any (addresses or CIDR ranges, comma-separated)
 *
 * The rest of the environment (CMS_URL, RITME_PREVIEW_TOKEN, PREVIEW_SECRET, …)
 * is read by the build itself; see the README.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clientAddress, markClientAddressChecked, trustedProxies } from './client-address.mjs';

const buildDir = path.resolve(process.argv[2] ?? 'dist-preview');
const entry = path.join(buildDir, 'server/entry.mjs');

/** @param {string} message */
function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/** @type {import('node:net').BlockList | null} */
let trusted = null;
try {
  trusted = trustedProxies(process.env.RITME_TRUSTED_PROXIES);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (!existsSync(entry)) {
  fail(
    `No preview build at ${entry}. Build it first (RITME_MODE=preview RITME_SITE_OUT=dist-preview astro build), or pass the build folder: ritme-preview-server <folder>.`,
  );
}

// The build must not start Astro's own server: ours hands it the requests.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
/** @type {{ handler: (req: http.IncomingMessage, res: http.ServerResponse) => void }} */
const { handler } = await import(pathToFileURL(entry).href);
if (typeof handler !== 'function')
  fail(`${entry} exports no handler: is it a build with @astrojs/node in standalone mode?`);
markClientAddressChecked();

const server = http.createServer((req, res) => {
  req.headers['x-forwarded-for'] = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted);
  handler(req, res);
});

const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? 4322);
server.on('error', (error) => fail(`The preview server cannot listen on ${host}:${port}: ${error.message}`));
server.listen(port, host, () => {
  const from = trusted
    ? `X-Forwarded-For, from the proxies in RITME_TRUSTED_PROXIES only`
    : 'the connection (X-Forwarded-For is ignored; set RITME_TRUSTED_PROXIES behind a proxy)';
  console.log(`Ritme preview server on http://${host}:${port} — client addresses from ${from}.`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
