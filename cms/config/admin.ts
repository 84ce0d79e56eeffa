import type { Core } from '@strapi/strapi';

type Env = ((key: string, fallback?: string) => string) & { bool(key: string, fallback?: boolean): boolean };
type PreviewTarget = { documentId: string; locale?: string | null; status?: string | null };

export default ({ env }: { env: Env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // Strapi's Preview button opens the entry on the Ritme preview server (see the plugin's preview-links service).
  preview: {
    enabled: env.bool('RITME_PREVIEW', true),
    config: {
      allowedOrigins: [env('PREVIEW_URL', 'http://localhost:4322')],
      async handler(uid: string, target: PreviewTarget) {
        const strapi = (globalThis as unknown as { strapi: Core.Strapi }).strapi;
        // Content Manager asks only that an admin is logged in ("TODO: Permissions to preview
        // content"): the plugin checks that this admin may read the entry before it signs a link.
        const ability = strapi.requestContext.get()?.state?.userAbility as object | undefined;
        return strapi.plugin('ritme').service('preview-links').urlFor(uid, target, ability);
      },
    },
  },
});
