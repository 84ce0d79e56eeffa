/**
 * Runs once before the API tests: builds the plugin and compiles the Strapi app
 * (test files only load it), and gives the app throwaway secrets.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

const CMS_DIR = path.resolve(import.meta.dirname, '../..');
const secret = () => randomBytes(24).toString('base64');

export default async function setup() {
  // @ritme/shared first (the plugin bundles its compiled form), then the plugin with Strapi's plugin SDK.
  // `npm test` builds both before Vitest starts (RITME_BUILT): rebuilding here would empty dist/ while
  // another project's Strapi is loading it.
  if (process.env.RITME_BUILT !== '1') {
    execFileSync('npx', ['-y', 'pnpm@10.34.9', '--filter', '@ritme/shared', 'run', 'build'], {
      cwd: CMS_DIR,
      stdio: 'inherit',
    });
    execFileSync('npx', ['-y', 'pnpm@10.34.9', '--filter', '@ritme/strapi-plugin', 'run', 'build'], {
      cwd: CMS_DIR,
      stdio: 'inherit',
    });
  }
  execFileSync(
    process.execPath,
    [createRequire(path.join(CMS_DIR, 'package.json')).resolve('typescript/bin/tsc'), '-p', CMS_DIR],
    {
      stdio: 'inherit',
    },
  );
  Object.assign(process.env, {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    NODE_ENV: 'test',
  });
}
