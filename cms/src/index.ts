/**
 * The Ritme demo app: both locales, the public role's permissions, and — when
 * asked for — the demo content and a demo admin login.
 */
import type { Core } from '@strapi/strapi';
import { ensureDemoAdmin } from './bootstrap/demo-admin';
import { ensureLocales } from './bootstrap/locales';
import { syncPublicPermissions } from './bootstrap/permissions';
import { ensureDemoPilotLink, ensurePreviewToken } from './bootstrap/preview-token';
import { seedDemo } from './seed';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await syncPublicPermissions(strapi);
    if (process.env.RITME_SEED === 'demo') {
      const result = await seedDemo(strapi);
      strapi.log.info(`ritme demo seed: ${result.created} created, ${result.kept} already there.`);
    }
    if (process.env.RITME_PREVIEW_TOKEN_FILE) await ensurePreviewToken(strapi, process.env.RITME_PREVIEW_TOKEN_FILE);
    if (process.env.RITME_DEMO_PILOT_LINK_FILE)
      await ensureDemoPilotLink(strapi, process.env.RITME_DEMO_PILOT_LINK_FILE);
    const password = process.env.RITME_DEMO_ADMIN_PASSWORD;
    if (password && process.env.NODE_ENV !== 'production') await ensureDemoAdmin(strapi, password);
  },
};
