/**
 * The options of `ritme({...})`, validated when Astro starts. Colours must keep
 * WCAG AA contrast against the background and surface they are drawn on, so a
 * rebranding cannot quietly make the intranet unreadable. A bad option fails
 * with its path and what was expected:
 *   ritme(): colours.primary: Use a 6-digit hex colour like #0b5c7a.
 */
import { FALLBACK_LOCALE, type Locale, LocaleCode } from '@ritme/shared';
import { z } from 'zod';
import { COMPONENT_NAMES } from '../components/names';
import { StringOverridesSchema } from '../i18n/resolve';

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Use a 6-digit hex colour like #0b5c7a.' });
/** One text for every locale, or one per locale code (a locale left out falls back to English, then the default locale). */
const perLocale = z.union([z.string().min(1), z.record(LocaleCode, z.string().min(1))], {
  message: 'Expected a text, or one text per locale code such as { nl: "…", en: "…" }.',
});

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

const Colours = z.strictObject({ primary: hex, accent: hex, background: hex, surface: hex, text: hex });
export type Colours = z.infer<typeof Colours>;

export const RitmeOptionsSchema = z
  .strictObject({
    /** The organisation's name, in every page title and the header. */
    name: z.string().min(1),
    tagline: perLocale,
    logo: z.strictObject({ src: z.string().min(1), alt: perLocale }).optional(),
    colours: Colours,
    /** Where Strapi runs; the CMS_URL environment variable overrides it (PUBLIC_CMS_URL for browsers). */
    cmsUrl: z.url({ message: 'cmsUrl must be a URL such as http://localhost:1337.' }).default('http://localhost:1337'),
    locales: z.array(LocaleCode).min(1).default(['nl', 'en']),
    /** For x-default links and the pages shown in every language (404, preview access); the first locale by default. */
    defaultLocale: LocaleCode.optional(),
    /** Per-locale overrides of the interface text; a locale Ritme does not ship falls back to English. */
    strings: z.record(LocaleCode, StringOverridesSchema).default({}),
    /** Replacement components, by name: a path relative to the project root or a package specifier. */
    components: z
      .strictObject(Object.fromEntries(COMPONENT_NAMES.map((name) => [name, z.string().min(1).optional()])))
      .default({}),
    /** The time zone dates and times are shown in. */
    timeZone: z.string().min(1).default('Europe/Amsterdam'),
    /** 'preview' builds the preview server for pilots; RITME_MODE=preview does the same. */
    mode: z.enum(['static', 'preview']).optional(),
  })
  .superRefine((options, ctx) => {
    const pairs: [keyof Colours, keyof Colours][] = [
      ['text', 'background'],
      ['text', 'surface'],
      ['primary', 'surface'],
      ['primary', 'background'],
      ['accent', 'surface'],
    ];
    for (const [fg, bg] of pairs) {
      const ratio = contrast(options.colours[fg], options.colours[bg]);
      if (ratio < 4.5) {
        ctx.addIssue({
          code: 'custom',
          path: ['colours', fg],
          message: `colours.${fg} on colours.${bg} has contrast ${ratio.toFixed(2)}:1; WCAG AA needs at least 4.5:1.`,
        });
      }
    }
    if (new Set(options.locales).size !== options.locales.length) {
      ctx.addIssue({ code: 'custom', path: ['locales'], message: 'Each locale may appear once.' });
    }
    if (options.defaultLocale && !options.locales.includes(options.defaultLocale)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLocale'], message: 'defaultLocale must be one of locales.' });
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: options.timeZone });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'Use an IANA time zone such as Europe/Amsterdam.' });
    }
  });

/** What a user writes in astro.config.mjs. */
export type RitmeUserOptions = z.input<typeof RitmeOptionsSchema>;

/** The options as the pages read them: every per-locale text filled in for every locale. */
export interface RitmeConfig {
  name: string;
  tagline: Record<Locale, string>;
  logo?: { src: string; alt: Record<Locale, string> };
  colours: Colours;
  cmsUrl: string;
  locales: Locale[];
  defaultLocale: Locale;
  strings: z.infer<typeof RitmeOptionsSchema>['strings'];
  timeZone: string;
  /**
   * 'render' is the build service's renderer (RITME_MODE=render only): a server
   * build that renders the pages the service asks for, from data it syncs itself.
   */
  mode: 'static' | 'preview' | 'render';
}

function fillLocales(text: string | Record<Locale, string>, locales: Locale[], defaultLocale: Locale) {
  const pick = (locale: Locale) =>
    typeof text === 'string'
      ? text
      : (text[locale] ?? text[FALLBACK_LOCALE] ?? text[defaultLocale] ?? Object.values(text)[0] ?? '');
  return Object.fromEntries(locales.map((locale) => [locale, pick(locale)]));
}

/** Validates the options; throws one line per problem, each with the option's path. */
export function parseOptions(input: unknown, env: NodeJS.ProcessEnv = process.env): RitmeConfig {
  const parsed = RitmeOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `ritme(): ${issue.path.join('.') || '(options)'}: ${issue.message}`,
    );
    throw new Error(lines.join('\n'));
  }
  const { components: _components, ...options } = parsed.data;
  const defaultLocale = options.defaultLocale ?? (options.locales[0] as Locale);
  return {
    ...options,
    defaultLocale,
    tagline: fillLocales(options.tagline, options.locales, defaultLocale),
    logo: options.logo && { src: options.logo.src, alt: fillLocales(options.logo.alt, options.locales, defaultLocale) },
    mode:
      options.mode ?? (env.RITME_MODE === 'preview' ? 'preview' : env.RITME_MODE === 'render' ? 'render' : 'static'),
  };
}
