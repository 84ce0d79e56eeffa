/**
 * For the demo: an API token for the preview server with exactly the plugin's
 * preview permissions, written to a file (mode 600) that `npm start` passes on,
 * and a pilot invite link to try it with. In production an admin creates the
 * token in Settings → API Tokens and invites pilots from the co-design page.
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
  if (existing && existsSync(file) && readFileSync(file, 'utf8').trim()) {
    // A demo from an earlier version keeps its token, with the preview permissions of this version.
    await tokens.update(existing.id, { permissions: preview });
    return;
  }
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

/** For the demo: one pilot invite whose link is written to a file (the token itself is only hashed in Strapi). */
export async function ensureDemoPilotLink(strapi: Core.Strapi, file: string): Promise<void> {
  if (process.env.NODE_ENV === 'production' || (existsSync(file) && readFileSync(file, 'utf8').trim())) return;
  const codesign = strapi.plugin('ritme').service('codesign');
  const expiresAt = new Date(Date.now() + 90 * 24 * 60 * 60 * 1000).toISOString();
  const invite = await codesign.createInvite({ name: 'Demo pilot', expiresAt });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, invite.link, { mode: 0o600 });
}
