/**
 * Boots a real Strapi for one test file, on a database of its own: a fresh
 * SQLite file, or a fresh PostgreSQL database on the DATABASE_URL server.
 * Listens on a random loopback port; `stop()` shuts it down and drops the data.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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
  stop(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
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

export async function bootStrapi(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestStrapi> {
  const database = process.env.RITME_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
  let cleanup: () => Promise<void>;
  const env: Record<string, string> = { ...options.env, RITME_SEED: options.seed ? 'demo' : '' };

  if (database === 'postgres') {
    const db = await createPostgresDatabase();
    env.DATABASE_URL = db.url;
    cleanup = db.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'ritme-test-'));
    env.DATABASE_URL = '';
    env.DATABASE_FILENAME = path.join(dir, 'data.db');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  Object.assign(process.env, env);

  // Strapi's ESM build cannot be loaded by Node directly (directory imports); its CommonJS build can.
  const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = createStrapi({ appDir: CMS_DIR, distDir: DIST_DIR, autoReload: false, serveAdminPanel: false });
  strapi.log.level = process.env.RITME_TEST_LOG ?? 'warn';
  await strapi.load();
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const address = strapi.server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('Strapi did not start listening.');

  return {
    strapi,
    database,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async stop() {
      await strapi.destroy();
      await cleanup();
    },
  };
}
