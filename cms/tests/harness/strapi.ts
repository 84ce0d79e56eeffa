/**
 * Boots a real Strapi for one test file, on a database of its own: a fresh
 * SQLite file, or a fresh PostgreSQL database on the DATABASE_URL server.
 * Listens on a random loopback port; `stop()` shuts it down and drops the data.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import pg from 'pg';

export const CMS_DIR = path.resolve(import.meta.dirname, '../..');
export const DIST_DIR = path.join(CMS_DIR, 'dist');

export interface TestStrapi {
  strapi: Core.Strapi;
  baseUrl: string;
  database: 'sqlite' | 'postgres';
  /** The database's settings and how to drop it, to boot again on the same data (`keepData`). */
  data: TestData;
  stop(): Promise<void>;
}

export interface TestData {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export interface BootOptions {
  seed?: boolean;
  env?: Record<string, string>;
  /** Boot on this database (from an earlier boot with `keepData`) instead of a fresh one. */
  data?: TestData;
  /** `stop()` keeps the database; drop it with `data.drop()`. */
  keepData?: boolean;
  /** Called after Strapi is created and before it loads (e.g. to listen to its log). */
  beforeLoad?(strapi: Core.Strapi): void;
  /**
   * Serve the admin panel (at `/admin`) from the run's admin build: the project needs
   * cms/tests/harness/admin-build.ts in its globalSetup, which builds it and names it in RITME_ADMIN_DIST.
   */
  admin?: boolean;
}

/** The dist folder with the admin build that admin-build.ts made for this run. */
function adminDistDir(): string {
  const dir = process.env.RITME_ADMIN_DIST;
  if (!dir || !existsSync(path.join(dir, 'build/index.html'))) {
    throw new Error(
      'bootStrapi({ admin: true }) needs the admin build: add cms/tests/harness/admin-build.ts to the globalSetup of this Vitest project.',
    );
  }
  return dir;
}

/**
 * The PostgreSQL server the tests were given, read before any boot: a boot points DATABASE_URL at its
 * own database, so a second boot in the same file must not take that for the server.
 */
const POSTGRES_SERVER_URL = process.env.DATABASE_URL;

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = POSTGRES_SERVER_URL;
  if (!serverUrl)
    throw new Error('RITME_TEST_DB=postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
  const name = `ritme_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function createTestData(database: 'sqlite' | 'postgres'): Promise<TestData> {
  if (database === 'postgres') {
    const db = await createPostgresDatabase();
    return { env: { DATABASE_URL: db.url }, drop: db.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ritme-test-'));
  return {
    env: { DATABASE_URL: '', DATABASE_FILENAME: path.join(dir, 'data.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Connections waiting to be accepted (the kernel caps it at net.core.somaxconn, 4096 here). */
const LISTEN_BACKLOG = 2048;

export async function bootStrapi(options: BootOptions = {}): Promise<TestStrapi> {
  const database = process.env.RITME_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
  const data = options.data ?? (await createTestData(database));
  const cleanup = options.keepData ? async () => {} : data.drop;
  const env: Record<string, string> = { ...options.env, RITME_SEED: options.seed ? 'demo' : '', ...data.env };
  Object.assign(process.env, env);

  // Strapi's ESM build cannot be loaded by Node directly (directory imports); its CommonJS build can.
  const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = createStrapi({
    appDir: CMS_DIR,
    distDir: options.admin ? adminDistDir() : DIST_DIR,
    autoReload: false,
    serveAdminPanel: options.admin === true,
  });
  strapi.log.level = process.env.RITME_TEST_LOG ?? 'warn';
  options.beforeLoad?.(strapi);
  await strapi.load();
  // A backlog above Node's 511: the tests that send 1,000 requests at once would otherwise overflow the accept
  // queue on a loaded machine, and the kernel resets connections the client already thinks are open (ECONNRESET).
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', LISTEN_BACKLOG, resolve));
  const address = strapi.server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('Strapi did not start listening.');

  return {
    strapi,
    database,
    data,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async stop() {
      await strapi.destroy();
      await cleanup();
    },
  };
}
