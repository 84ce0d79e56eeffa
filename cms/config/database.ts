/**
 * SQLite by default (zero setup, a file under .tmp/); PostgreSQL when
 * DATABASE_URL is set, e.g. postgres://user:pass@127.0.0.1:5432/ritme.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

/**
 * The SQLite file holds suggestions with e-mail addresses and every answer:
 * readable by its owner only (0600, in a 0700 folder), created so before SQLite
 * opens it — SQLite gives its journal files the same mode.
 */
function privateDatabaseFile(filename: string) {
  mkdirSync(path.dirname(filename), { recursive: true, mode: 0o700 });
  if (!existsSync(filename)) closeSync(openSync(filename, 'a', 0o600));
  chmodSync(filename, 0o600);
  return filename;
}

type Env = ((key: string, fallback?: string) => string) & {
  int(key: string, fallback?: number): number;
  bool(key: string, fallback?: boolean): boolean;
};

export default ({ env }: { env: Env }) => {
  const url = env('DATABASE_URL', '');
  if (url) {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: url,
          ssl: env.bool('DATABASE_SSL', false)
            ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
            : false,
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      connection: {
        // Relative to the cms folder (this file runs from dist/config).
        filename: privateDatabaseFile(path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db'))),
      },
      useNullAsDefault: true,
    },
  };
};
