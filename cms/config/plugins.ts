type Env = ((key: string, fallback?: string) => string) & {
  int(key: string, fallback?: number): number;
  bool(key: string, fallback?: boolean): boolean;
  array(key: string, fallback?: string[]): string[];
};

/** The demo intranet (`npm start`); production sets CORS_ORIGINS to the intranet's own origin(s). */
const DEMO_ORIGINS = ['http://localhost:4321', 'http://127.0.0.1:4321'];

/**
 * Where rate-limit counts live: this process's memory (the default, fine for one
 * instance), Redis, or Strapi's PostgreSQL database. An unknown value is passed
 * on as it is, so the plugin's option check names it at boot.
 */
function rateLimitStore(env: Env) {
  const kind = env('RITME_RATE_LIMIT_STORE', 'memory');
  if (kind !== 'redis') return { kind };
  return { kind, url: env('RITME_REDIS_URL', ''), prefix: env('RITME_REDIS_PREFIX', 'ritme:rate-limit:') };
}

export default ({ env }: { env: Env }) => ({
  ritme: {
    enabled: true,
    resolve: './src/plugins/ritme',
    config: {
      rateLimit: {
        enabled: env.bool('RITME_RATE_LIMIT', true),
        store: rateLimitStore(env),
        submissions: {
          points: env.int('RITME_RATE_LIMIT_POINTS', 20),
          durationSeconds: env.int('RITME_RATE_LIMIT_WINDOW_SECONDS', 60),
        },
        pilotSessions: {
          points: env.int('RITME_RATE_LIMIT_PILOT_FAILURES', 10),
          durationSeconds: env.int('RITME_RATE_LIMIT_PILOT_WINDOW_SECONDS', 900),
        },
        feedback: {
          points: env.int('RITME_RATE_LIMIT_FEEDBACK_POINTS', 30),
          durationSeconds: env.int('RITME_RATE_LIMIT_FEEDBACK_WINDOW_SECONDS', 600),
        },
      },
      // The plugin grants the Public role its public reads and submissions itself.
      publicAccess: env.bool('RITME_PUBLIC_ACCESS', true),
      // Unset: every locale enabled in Strapi's i18n (the demo creates nl and en, see src/bootstrap/locales.ts).
      ...(env('RITME_LOCALES', '') ? { locales: env.array('RITME_LOCALES') } : {}),
      preview: {
        url: env('PREVIEW_URL', 'http://localhost:4322'),
        secret: env('PREVIEW_SECRET', ''),
      },
      // The browsers that call Ritme's API cross-origin: the intranet, and the preview server. Asked per
      // request (from the environment), so a test's static server on a random port can add itself.
      allowedOrigins: () => [...env.array('CORS_ORIGINS', DEMO_ORIGINS), env('PREVIEW_URL', 'http://localhost:4322')],
    },
  },
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
});
