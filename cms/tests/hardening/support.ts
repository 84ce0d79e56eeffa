/**
 * What the hardening tests share: a bounded-concurrency runner, a Strapi in a
 * child process (strapi-child.mjs) that can be killed and started again, and a
 * database of its own that a test reads with plain SQL, apart from Strapi.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CMS_DIR, createPostgresDatabase } from '../harness/strapi';

/** Run `work` over `items`, at most `limit` at a time; results in input order. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  /** What the child process needs to open this database. */
  env: Record<string, string>;
  /** A read-only query, straight from the database. */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh database on the engine the project runs on (RITME_TEST_DB), as the harness makes them. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.RITME_TEST_DB === 'postgres') {
    const db = await createPostgresDatabase();
    return {
      kind: 'postgres',
      env: { DATABASE_URL: db.url, DATABASE_FILENAME: '' },
      async query<T>(sql: string) {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          return (await client.query(sql)).rows as T[];
        } finally {
          await client.end();
        }
      },
      drop: db.drop,
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ritme-hard-'));
  const filename = path.join(dir, 'data.db');
  const Sqlite = createRequire(path.join(CMS_DIR, 'package.json'))('better-sqlite3');
  return {
    kind: 'sqlite',
    env: { DATABASE_URL: '', DATABASE_FILENAME: filename },
    async query<T>(sql: string) {
      const db = new Sqlite(filename, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all() as T[];
      } finally {
        db.close();
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ChildStrapi {
  baseUrl: string;
  port: number;
  /** The open round's documentId, when asked for one. */
  round: string;
  process: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code or signal once the process has gone. */
  exited: Promise<string>;
  output(): string;
  /** SIGKILL: no shutdown hooks, no flushing, like a power cut. */
  kill(): Promise<string>;
  /** A clean stop (SIGTERM), falling back to SIGKILL after 10 s. */
  stop(): Promise<string>;
}

const RUNNER = path.join(import.meta.dirname, 'strapi-child.mjs');

/** Start Strapi in a child process and wait (at most 120 s) for its ready line. */
export function startChild(
  database: TestDatabase,
  options: { port?: number; openRound?: boolean; env?: Record<string, string> } = {},
): Promise<ChildStrapi> {
  const child = spawn(process.execPath, [RUNNER], {
    cwd: CMS_DIR,
    env: {
      ...process.env,
      ...database.env,
      RITME_SEED: '',
      RITME_CHILD_PORT: String(options.port ?? 0),
      RITME_CHILD_OPEN_ROUND: options.openRound ? '1' : '',
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => resolve(signal ?? `exit ${code}`));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The Strapi child did not start within 120 s:\n${output.slice(-3000)}`));
    }, 120_000);
    let ready = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = ready ? null : /^RITME_CHILD_READY (.+)$/m.exec(output);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      const { port, round } = JSON.parse(match[1] as string) as { port: number; round: string };
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        port,
        round,
        process: child,
        exited,
        output: () => output,
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          return exited;
        },
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return exited;
          child.kill('SIGTERM');
          const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
          const how = await exited;
          clearTimeout(timeout);
          return how;
        },
      });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`The Strapi child ended (${how}) before it was ready:\n${output.slice(-3000)}`));
    });
  });
}
