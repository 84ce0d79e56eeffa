#!/usr/bin/env node
/**
 * Boots the Ritme Strapi app in a process of its own, the way the test harness
 * does in-process, so a test can SIGKILL it mid-write and start it again on the
 * same database. The database, secrets and rate limit come from the environment
 * (DATABASE_URL for PostgreSQL, else DATABASE_FILENAME for SQLite; APP_KEYS …).
 *
 *   RITME_CHILD_PORT        port on 127.0.0.1 (0: any free port)
 *   RITME_CHILD_OPEN_ROUND  "1": create and publish an open evaluation round
 *   RITME_CHILD_LIFETIME_MS exits by itself after this long (default 5 minutes)
 *
 * Prints one line `RITME_CHILD_READY {"port":…,"round":…}` once it listens.
 * Stops cleanly on SIGTERM or when its standard input closes, so it never
 * outlives the test.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const CMS_DIR = path.resolve(import.meta.dirname, '../..');
const DAY = 24 * 60 * 60 * 1000;

const lifetime = Number(process.env.RITME_CHILD_LIFETIME_MS ?? 300_000);
setTimeout(() => {
  console.error(`strapi-child: still running after ${lifetime} ms, exiting.`);
  process.exit(3);
}, lifetime).unref();
let strapi;
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(4), 10_000).unref();
  await strapi?.destroy().catch(() => {});
  process.exit(0);
}
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);

// Strapi's ESM build cannot be loaded by Node directly (directory imports); its CommonJS build can.
const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi');
strapi = createStrapi({
  appDir: CMS_DIR,
  distDir: path.join(CMS_DIR, 'dist'),
  autoReload: false,
  serveAdminPanel: false,
});
strapi.log.level = process.env.RITME_TEST_LOG ?? 'warn';
await strapi.load();

let round = '';
if (process.env.RITME_CHILD_OPEN_ROUND === '1') {
  const rounds = strapi.documents('plugin::ritme.evaluation-round');
  const now = Date.now();
  const created = await rounds.create({
    locale: 'nl',
    data: {
      title: 'Crashronde',
      opensAt: new Date(now - 7 * DAY).toISOString(),
      closesAt: new Date(now + 21 * DAY).toISOString(),
    },
  });
  await rounds.publish({ documentId: created.documentId, locale: '*' });
  round = created.documentId;
}

const port = Number(process.env.RITME_CHILD_PORT ?? 0);
await new Promise((resolve) => strapi.server.listen(port, '127.0.0.1', resolve));
const address = strapi.server.httpServer.address();
console.log(`RITME_CHILD_READY ${JSON.stringify({ port: address.port, round })}`);
