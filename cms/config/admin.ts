type Env = ((key: string, fallback?: string) => string) & { bool(key: string, fallback?: boolean): boolean };

export default ({ env }: { env: Env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // Strapi's Preview button opens the entry on the Ritme preview server; the plugin checks that the
  // admin may read the entry and signs the link (its preview-links service).
  preview: {
    enabled: env.bool('RITME_PREVIEW', true),
    config: {
      allowedOrigins: [env('PREVIEW_URL', 'http://localhost:4322')],
      handler: (uid: string, target: object) => strapi.plugin('ritme').service('preview-links').handler(uid, target),
    },
  },
});
