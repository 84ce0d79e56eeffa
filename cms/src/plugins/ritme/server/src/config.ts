/**
 * The plugin's options (config/plugins.ts → ritme.config), checked at start-up
 * so a typo fails the boot with a message instead of disabling a protection.
 */
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
  /** Where the preview server runs; pilot invite links point here. */
  previewUrl: z.url(),
  /** Shared with the preview server: signs Preview-button links. Unset → no preview links. */
  previewSecret: z.string().min(16, { message: 'Use at least 16 characters.' }).optional(),
});
export type RitmeConfig = z.infer<typeof RitmeConfigSchema>;

export default {
  default: {
    rateLimit: {
      enabled: true,
      store: { kind: 'memory' },
      submissions: { points: 20, durationSeconds: 60 },
      pilotSessions: { points: 10, durationSeconds: 900 },
      feedback: { points: 30, durationSeconds: 600 },
    },
    previewUrl: 'http://localhost:4322',
  } satisfies RitmeConfig,
  validator(config: unknown) {
    const parsed = RitmeConfigSchema.safeParse(config);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new Error(`Invalid options for the ritme plugin in config/plugins: ${where}`);
    }
  },
};
