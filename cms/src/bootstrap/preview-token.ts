/**
 * For the demo: an API token for the preview server with exactly the plugin's
 * preview permissions, written to a file (mode 600) that `npm start` passes on.
 * In production an admin creates this token in Settings → API Tokens.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

const NAME = 'Ritme preview server';

export async function ensurePreviewToken(strapi: Core.Strapi, file: string): Promise<void> {
  if (process.env.NODE_ENV === 'production') return;
  const tokens = strapi.service('admin::api-token');
  const { preview } = strapi.plugin('ritme').service('permissions') as unknown as { preview: string[] };
  const existing = await strapi.db.query('admin::api-token').findOne({ where: { name: NAME } });
  if (existing && existsSync(file) && readFileSync(file, 'utf8').trim()) return;
  const created = existing
    ? await tokens.regenerate(existing.id)
    : await tokens.create({
        name: NAME,
        description: 'Reads drafts, opens pilot sessions and forwards feedback for the preview server.',
        type: 'custom',
        kind: 'content-api',
        lifespan: null,
        permissions: preview,
      });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, created.accessKey, { mode: 0o600 });
}
