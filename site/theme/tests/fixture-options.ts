/** The ritme() options the unit tests render with: the demo's organisation, plus a German locale with one string of its own. */
import type { RitmeUserOptions } from '../src/index';

export const FIXTURE_OPTIONS = {
  name: 'Waterschap Veenstromen',
  tagline: { nl: 'Samen werken aan het nieuwe intranet', en: 'Building the new intranet together' },
  logo: { src: '/logo.svg', alt: { nl: 'Logo Waterschap Veenstromen', en: 'Waterschap Veenstromen logo' } },
  colours: { primary: '#0b5c7a', accent: '#b4461b', background: '#f7f5f0', surface: '#ffffff', text: '#1d2428' },
  cmsUrl: 'http://localhost:1337',
  locales: ['nl', 'en', 'de'],
  defaultLocale: 'nl',
  strings: { de: { skipToContent: 'Zum Inhalt springen' } },
} satisfies RitmeUserOptions;
