/**
 * The theme's options, validated at build start. Colours must keep WCAG AA
 * contrast against the background and surface they are drawn on, so a
 * rebranding cannot quietly make the intranet unreadable.
 */
import { LOCALES } from '@ritme/shared';
import { z } from 'zod';

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Use a 6-digit hex colour like #0b5c7a.' });
const bilingual = z.object({ nl: z.string().min(1), en: z.string().min(1) });

function luminance(color: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two hex colours (1–21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export const RitmeConfigSchema = z
  .strictObject({
    name: z.string().min(1),
    tagline: bilingual,
    logo: z.object({ src: z.string().min(1), alt: bilingual }).optional(),
    colors: z.strictObject({ primary: hex, accent: hex, background: hex, surface: hex, text: hex }),
    /** Where Strapi runs; the CMS_URL environment variable overrides it. */
    cmsUrl: z.url({ message: 'cmsUrl must be a URL such as http://localhost:1337.' }),
    locales: z.array(z.enum(LOCALES)).min(1),
    defaultLocale: z.enum(LOCALES),
  })
  .superRefine((config, ctx) => {
    const pairs: [keyof typeof config.colors, keyof typeof config.colors][] = [
      ['text', 'background'],
      ['text', 'surface'],
      ['primary', 'surface'],
      ['primary', 'background'],
      ['accent', 'surface'],
    ];
    for (const [fg, bg] of pairs) {
      const ratio = contrast(config.colors[fg], config.colors[bg]);
      if (ratio < 4.5) {
        ctx.addIssue({
          code: 'custom',
          path: ['colors', fg],
          message: `colors.${fg} on colors.${bg} has contrast ${ratio.toFixed(2)}:1; WCAG AA needs at least 4.5:1.`,
        });
      }
    }
    if (!config.locales.includes(config.defaultLocale)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLocale'], message: 'defaultLocale must be one of locales.' });
    }
  });

export type RitmeConfig = z.infer<typeof RitmeConfigSchema>;

export function defineRitmeConfig(config: z.input<typeof RitmeConfigSchema>): RitmeConfig {
  const parsed = RitmeConfigSchema.safeParse(config);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(config)'}: ${issue.message}`);
    throw new Error(`Invalid ritme.config.ts:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
