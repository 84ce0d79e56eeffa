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

/** `{ [option]: milliseconds }` when the variable is set; unset → the plugin's default. */
const milliseconds = (env: Env, key: string, option: 'debounceMs' | 'maxWaitMs') =>
  env(key, '') ? { [option]: env.int(key) } : {};

/**
 * Live: the build service beside the static intranet (the theme's `ritme-build-service`), told of
 * every published change. On when either variable is set; a URL without a secret fails the boot.
 */
function builder(env: Env) {
  if (!env('RITME_BUILD_SECRET', '') && !env('RITME_BUILDER_URL', '')) return {};
  return {
    builder: {
      url: env('RITME_BUILDER_URL', 'http://localhost:4321'),
      secret: env('RITME_BUILD_SECRET', ''),
      ...milliseconds(env, 'RITME_BUILD_DEBOUNCE_MS', 'debounceMs'),
      ...milliseconds(env, 'RITME_BUILD_MAX_WAIT_MS', 'maxWaitMs'),
    },
  };
}

/** Teams whose builds run in CI or on a static host: that host's build hook URL. */
function deployHook(env: Env) {
  if (!env('RITME_DEPLOY_HOOK_URL', '')) return {};
  return {
    deployHook: {
      url: env('RITME_DEPLOY_HOOK_URL'),
      ...milliseconds(env, 'RITME_DEPLOY_HOOK_DEBOUNCE_MS', 'debounceMs'),
      ...milliseconds(env, 'RITME_DEPLOY_HOOK_MAX_WAIT_MS', 'maxWaitMs'),
    },
  };
}

/**
 * Replies to suggestions are e-mailed through Strapi's email plugin. With SMTP_HOST set it sends
 * over SMTP (nodemailer); without, Strapi keeps its default provider and the inbox says e-mail is
 * not set up (replies are then stored only).
 */
function email(env: Env) {
  if (!env('SMTP_HOST', '')) return {};
  const user = env('SMTP_USER', '');
  return {
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: {
          host: env('SMTP_HOST'),
          port: env.int('SMTP_PORT', 587),
          secure: env.bool('SMTP_SECURE', false),
          ...(user ? { auth: { user, pass: env('SMTP_PASS', '') } } : {}),
        },
        settings: {
          defaultFrom: env('SMTP_FROM', 'Intranet <no-reply@example.org>'),
          defaultReplyTo: env('SMTP_REPLY_TO', env('SMTP_FROM', 'Intranet <no-reply@example.org>')),
        },
      },
    },
  };
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
      // The organisation's time zone, for the times in sign-up e-mails (the theme's timeZone too).
      timeZone: env('RITME_TIME_ZONE', 'Europe/Amsterdam'),
      // The intranet's public address: the inbox links items to their pages there, sign-up mails to cancel pages.
      siteUrl: env('SITE_URL', 'http://localhost:4321'),
      preview: {
        url: env('PREVIEW_URL', 'http://localhost:4322'),
        secret: env('PREVIEW_SECRET', ''),
      },
      ...builder(env),
      ...deployHook(env),
      // The browsers that call Ritme's API cross-origin: the intranet, and the preview server. Asked per
      // request (from the environment), so a test's static server on a random port can add itself.
      allowedOrigins: () => [...env.array('CORS_ORIGINS', DEMO_ORIGINS), env('PREVIEW_URL', 'http://localhost:4322')],
    },
  },
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  ...email(env),
});
