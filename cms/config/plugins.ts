type Env = ((key: string, fallback?: string) => string) & {
  int(key: string, fallback?: number): number;
  bool(key: string, fallback?: boolean): boolean;
};

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
      previewUrl: env('PREVIEW_URL', 'http://localhost:4322'),
      ...(env('PREVIEW_SECRET', '') ? { previewSecret: env('PREVIEW_SECRET') } : {}),
    },
  },
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
});
