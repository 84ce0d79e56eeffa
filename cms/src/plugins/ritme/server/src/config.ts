/**
 * The plugin's options (config/plugins.ts → ritme.config), checked at start-up
 * so a typo fails the boot with a message instead of disabling a protection.
 */
import { z } from 'zod';

export const RitmeConfigSchema = z.strictObject({
  rateLimit: z.strictObject({
    /** Submissions one client may send per window, per route. */
    points: z.number().int().min(1),
    /** The window, in seconds. */
    durationSeconds: z.number().int().min(1),
    enabled: z.boolean(),
  }),
  /** Where the preview server runs; pilot invite links point here. */
  previewUrl: z.url(),
  /** Shared with the preview server: signs Preview-button links. Unset → no preview links. */
  previewSecret: z.string().min(16, { message: 'Use at least 16 characters.' }).optional(),
});
export type RitmeConfig = z.infer<typeof RitmeConfigSchema>;

export default {
  default: {
    rateLimit: { points: 20, durationSeconds: 60, enabled: true },
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
