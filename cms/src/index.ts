/**
 * The Ritme demo app: both locales and — when asked for — the demo content and
 * a demo admin login. The plugin grants the Public role its permissions itself
 * (option `publicAccess`).
 */
import type { Core } from '@strapi/strapi';
import { ensureDemoAdmin } from './bootstrap/demo-admin';
import { ensureLocales } from './bootstrap/locales';
import { ensureDemoPilotLink, ensurePreviewToken } from './bootstrap/preview-token';
import { seedDemo } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Strapi skips a local plugin without a built server entry silently; this demo must not run without it.
    if (!strapi.plugin('ritme')) {
      throw new Error(
        'The ritme plugin did not load: it is not built. Run `npx -y pnpm@10.34.9 --filter @ritme/strapi-plugin run build` ' +
          '(`npm start` and `npm test` do this for you).',
      );
    }
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
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
