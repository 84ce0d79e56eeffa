/**
 * The plugin's options (config/plugins.ts → ritme.config), checked at start-up
 * so a typo fails the boot with a message instead of disabling a protection.
 */
import { LocaleCode } from '@ritme/shared';
import { z } from 'zod';

const Window = z.strictObject({
  points: z.number().int().min(1),
  /** The window, in seconds. */
  durationSeconds: z.number().int().min(1),
});

/**
 * Where the counts live. Memory is per process: several Strapi instances behind
 * a load balancer must share Redis or the PostgreSQL database, or each of them
 * grants the whole budget again.
 */
const Store = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('memory') }),
    z.strictObject({
      kind: z.literal('redis'),
      url: z.string().regex(/^rediss?:\/\/[^/]/, { message: 'Use a redis:// or rediss:// URL.' }),
      /** Put in front of every key, so several apps (or test runs) can share one Redis. */
      prefix: z.string().min(1).max(100),
    }),
    /** A table (ritme_rate_limits) in Strapi's own database; needs Strapi on PostgreSQL. */
    z.strictObject({ kind: z.literal('postgres') }),
  ],
  { error: 'Use "memory", "redis" (with url and prefix) or "postgres".' },
);
export type RateLimitStore = z.infer<typeof Store>;

/** scheme://host[:port], as a browser sends it in the Origin header. */
export const Origin = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.origin === value;
    } catch {
      return false;
    }
  },
  { message: 'Use an origin such as "https://intranet.example.org" (scheme, host and port; no path, no "*").' },
);

/** An unset secret (`env('RITME_PREVIEW_SECRET')` without a value) is no secret. */
const Secret = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.string().min(16, { message: 'Use at least 16 characters.' }).optional(),
);

/** Milliseconds of quiet before Strapi calls the build service or deploy hook. */
const DebounceMs = z
  .number()
  .int()
  .min(0, { message: 'Use 0 or more milliseconds.' })
  .max(600_000, { message: 'Use at most 600000 milliseconds (10 minutes).' });
/** The longest a constant stream of changes waits for its call. */
const MaxWaitMs = z
  .number()
  .int()
  .min(100, { message: 'Use at least 100 milliseconds.' })
  .max(3_600_000, { message: 'Use at most 3600000 milliseconds (an hour).' });

const httpUrl = (example: string) => z.url({ protocol: /^https?$/, message: `Use an http(s) URL, e.g. "${example}".` });

export const DEFAULT_BUILD_DEBOUNCE_MS = 500;
export const DEFAULT_BUILD_MAX_WAIT_MS = 10_000;

/** A debounced target's max wait may not be shorter than its quiet period. */
const waitsAtLeastDebounce: [
  (value: { debounceMs?: number | undefined; maxWaitMs?: number | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (value) => (value.maxWaitMs ?? DEFAULT_BUILD_MAX_WAIT_MS) >= (value.debounceMs ?? DEFAULT_BUILD_DEBOUNCE_MS),
  { message: 'Use at least debounceMs.', path: ['maxWaitMs'] },
];

export const RitmeConfigSchema = z.strictObject({
  rateLimit: z.strictObject({
    enabled: z.boolean(),
    store: Store,
    /** Public submissions (suggestions, evaluation answers): per client address, per route. */
    submissions: Window,
    /**
     * Failed pilot log-ins (unknown, expired or revoked invite links), per client
     * address and per invite. Successful log-ins are never counted.
     */
    pilotSessions: Window,
    /** Feedback from the preview pages: per pilot invite, or per address for editors. */
    feedback: Window,
  }),
  /**
   * The plugin grants the Public role its public reads and the two public
   * submissions at every start, and takes any other Ritme action away from it.
   * `false`: the plugin grants nothing; the host manages the Public role.
   */
  publicAccess: z.boolean(),
  /** The locales Ritme serves. Unset: every locale Strapi's i18n has enabled. */
  locales: z
    .array(LocaleCode)
    .min(1, { message: 'List at least one locale, or leave the option out to serve every i18n locale.' })
    .refine((codes) => new Set(codes).size === codes.length, { message: 'List each locale once.' })
    .optional(),
  /**
   * The organisation's time zone (IANA), for the dates and times in e-mails and
   * calendar files: the same one as the intranet theme's `timeZone`.
   */
  timeZone: z
    .string()
    .refine(
      (zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      },
      { message: 'Use an IANA time zone such as "Europe/Amsterdam".' },
    )
    .optional(),
  /** Where the intranet is published: the inbox links an item to its page there. Unset → paths, not links. */
  siteUrl: httpUrl('https://intranet.example.org').optional(),
  preview: z.strictObject({
    /** Where the preview server runs; pilot invite links and Preview-button links point here. */
    url: z.url({
      protocol: /^https?$/,
      message: 'Use the preview server\'s http(s) URL, e.g. "http://localhost:4322".',
    }),
    /** Shared with the preview server: signs Preview-button links. Unset → no preview links. */
    secret: Secret,
  }),
  /**
   * The build service beside the static intranet: after every publish,
   * unpublish, published edit, discarded draft or delete (and media change)
   * Strapi POSTs what changed to `<url>/_ritme/hooks/build`, debounced, with the
   * secret in `x-ritme-build-secret`; the admin shows its state. Unset → none.
   */
  builder: z
    .strictObject({
      url: httpUrl('http://localhost:4321'),
      secret: z.string().min(16, { message: 'Use at least 16 characters.' }),
      debounceMs: DebounceMs.optional(),
      maxWaitMs: MaxWaitMs.optional(),
    })
    .refine(...waitsAtLeastDebounce)
    .optional(),
  /**
   * A build hook (Netlify, Vercel, a CI's webhook) for teams whose builds run
   * elsewhere: POSTed with an empty JSON body on the same changes, debounced.
   */
  deployHook: z
    .strictObject({
      url: httpUrl('https://api.netlify.com/build_hooks/…'),
      debounceMs: DebounceMs.optional(),
      maxWaitMs: MaxWaitMs.optional(),
    })
    .refine(...waitsAtLeastDebounce)
    .optional(),
  /**
   * The origins whose browsers may call Ritme's API (the intranet, the preview
   * server), never with credentials. A function is asked on every request
   * (origins that change while Strapi runs); what it returns must be origins too.
   */
  allowedOrigins: z.union([
    z.array(Origin),
    z.custom<() => string[]>((value) => typeof value === 'function', {
      message: 'Use a list of origins, or a function that returns one.',
    }),
  ]),
});
export type RitmeConfig = z.infer<typeof RitmeConfigSchema>;

/** Where the problem is, as the host spells it in config/plugins: `ritme.config.preview.url`. */
const where = (path: PropertyKey[]) =>
  ['ritme.config', ...path.map((key) => (typeof key === 'number' ? `[${key}]` : String(key)))]
    .join('.')
    .replace(/\.\[/g, '[');

export default {
  default: {
    rateLimit: {
      enabled: true,
      store: { kind: 'memory' },
      submissions: { points: 20, durationSeconds: 60 },
      pilotSessions: { points: 10, durationSeconds: 900 },
      feedback: { points: 30, durationSeconds: 600 },
    },
    publicAccess: true,
    preview: { url: 'http://localhost:4322' },
    allowedOrigins: [],
  } satisfies RitmeConfig,
  validator(config: unknown) {
    const parsed = RitmeConfigSchema.safeParse(config);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${where(issue.path)}: ${issue.message}`).join('; ');
      throw new Error(`Invalid options for the ritme plugin in config/plugins: ${problems}`);
    }
  },
};
