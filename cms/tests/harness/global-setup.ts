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
  execFileSync(process.execPath, ['build.mjs'], { cwd: path.join(CMS_DIR, 'src/plugins/ritme'), stdio: 'inherit' });
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
