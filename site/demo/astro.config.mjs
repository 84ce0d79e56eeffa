// The demo intranet: everything organisation-specific, and nothing else — the
// pages, loaders, islands and preview server all come from @ritme/astro-theme.
// RITME_MODE=preview builds the preview server for pilots instead; RITME_DEMO_LOCALES
// (e.g. "nl,en,de") tries more locales than the two Ritme ships.
import ritme from '@ritme/astro-theme';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  integrations: [
    ritme({
      name: 'Waterschap Veenstromen',
      tagline: {
        nl: 'Samen werken aan het nieuwe intranet',
        en: 'Building the new intranet together',
        de: 'Gemeinsam am neuen Intranet arbeiten',
      },
      logo: {
        src: '/logo.svg',
        alt: {
          nl: 'Logo Waterschap Veenstromen',
          en: 'Waterschap Veenstromen logo',
          de: 'Logo Waterschap Veenstromen',
        },
      },
      colours: {
        primary: '#0b5c7a',
        accent: '#b4461b',
        background: '#f7f5f0',
        surface: '#ffffff',
        text: '#1d2428',
      },
      cmsUrl: 'http://localhost:1337',
      locales: process.env.RITME_DEMO_LOCALES?.split(',').map((code) => code.trim()) ?? ['nl', 'en'],
      defaultLocale: 'nl',
      strings: {
        // A third locale needs no more than what it changes; the rest falls back to English.
        de: { skipToContent: 'Zum Inhalt', nav: { home: 'Start' }, footer: { madeWith: 'Gemacht mit Ritme' } },
      },
    }),
  ],
});
