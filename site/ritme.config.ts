/**
 * Everything organisation-specific about this intranet, in one place. Change a
 * colour here and it changes everywhere; a bad value fails the build with a
 * message (see src/config/theme.ts for every option).
 */
import { defineRitmeConfig } from './src/config/theme';

export default defineRitmeConfig({
  name: 'Waterschap Veenstromen',
  tagline: { nl: 'Samen werken aan het nieuwe intranet', en: 'Building the new intranet together' },
  logo: { src: '/logo.svg', alt: { nl: 'Logo Waterschap Veenstromen', en: 'Waterschap Veenstromen logo' } },
  colors: {
    primary: '#0b5c7a',
    accent: '#b4461b',
    background: '#f7f5f0',
    surface: '#ffffff',
    text: '#1d2428',
  },
  cmsUrl: 'http://localhost:1337',
  locales: ['nl', 'en'],
  defaultLocale: 'nl',
});
