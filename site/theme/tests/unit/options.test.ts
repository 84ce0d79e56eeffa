/**
 * The ritme() options: a bad one fails with its path and what was expected,
 * colours keep WCAG AA contrast, per-locale texts are filled in for every
 * locale, and the integration does the wiring a site would otherwise write.
 */
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/config/schema';
import ritme, { type RitmeUserOptions } from '../../src/index';
import { FIXTURE_OPTIONS } from '../fixture-options';

const options = (change: Record<string, unknown>) => ({ ...FIXTURE_OPTIONS, ...change });

describe('ritme() options', () => {
  it('names the option and what was expected', () => {
    expect(() => ritme(options({ colours: { ...FIXTURE_OPTIONS.colours, primary: 'blue' } }) as never)).toThrow(
      'ritme(): colours.primary: Use a 6-digit hex colour like #0b5c7a.',
    );
    expect(() => parseOptions(options({ cmsUrl: 'localhost' }))).toThrow('ritme(): cmsUrl: cmsUrl must be a URL');
    expect(() => parseOptions(options({ locales: ['nl', 'Deutsch'] }))).toThrow('ritme(): locales.1: a locale code');
    expect(() => parseOptions(options({ defaultLocale: 'fr' }))).toThrow(
      'ritme(): defaultLocale: defaultLocale must be one of locales.',
    );
    expect(() => parseOptions(options({ colors: FIXTURE_OPTIONS.colours }))).toThrow(/ritme\(\): .*colors/);
    expect(() => parseOptions(options({ components: { Heder: './src/Header.astro' } }))).toThrow(
      /ritme\(\): components: .*Heder/,
    );
    expect(() => parseOptions(options({ strings: { de: { nav: { hom: 'Start' } } } }))).toThrow(
      /ritme\(\): strings\.de\.nav: .*hom/,
    );
  });

  it('refuses colours that fall below WCAG AA contrast, naming both colours', () => {
    expect(() => parseOptions(options({ colours: { ...FIXTURE_OPTIONS.colours, text: '#bbbbbb' } }))).toThrow(
      /ritme\(\): colours\.text: colours\.text on colours\.background has contrast 1\.\d+:1; WCAG AA needs at least 4\.5:1\./,
    );
  });

  it('defaults to Dutch and English, the first locale as default, and a local CMS', () => {
    const { locales: _l, defaultLocale: _d, cmsUrl: _c, ...rest } = FIXTURE_OPTIONS;
    const config = parseOptions(rest, {});
    expect(config.locales).toEqual(['nl', 'en']);
    expect(config.defaultLocale).toBe('nl');
    expect(config.cmsUrl).toBe('http://localhost:1337');
    expect(config.mode).toBe('static');
    expect(parseOptions(rest, { RITME_MODE: 'preview' }).mode).toBe('preview');
  });

  it('gives a locale without its own tagline the English one', () => {
    const config = parseOptions(FIXTURE_OPTIONS);
    expect(config.tagline).toEqual({
      nl: 'Samen werken aan het nieuwe intranet',
      en: 'Building the new intranet together',
      de: 'Building the new intranet together',
    });
    expect(config.logo?.alt.de).toBe('Waterschap Veenstromen logo');
  });
});

describe('the integration', () => {
  async function setup(userOptions: RitmeUserOptions = FIXTURE_OPTIONS, env: Record<string, string> = {}) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const routes: string[] = [];
    const middlewares: string[] = [];
    const directives: string[] = [];
    let update: Record<string, any> = {};
    const integration: AstroIntegration = ritme(userOptions);
    try {
      await integration.hooks['astro:config:setup']?.({
        config: { root: new URL('file:///tmp/site/'), integrations: [] },
        updateConfig: (config: Record<string, unknown>) => {
          update = { ...update, ...config };
        },
        injectRoute: (route: { pattern: string }) => routes.push(route.pattern),
        addMiddleware: (middleware: { entrypoint: string }) => middlewares.push(middleware.entrypoint),
        addClientDirective: (directive: { name: string }) => directives.push(directive.name),
      } as never);
    } finally {
      process.env = saved;
    }
    return { routes, middlewares, directives, update };
  }

  it('injects the pages, adds React, and sets slashes, directory output and the CSP with the CMS origin', async () => {
    const { routes, directives, update } = await setup(FIXTURE_OPTIONS, { CMS_URL: 'http://cms.internal:1337' });
    expect(routes).toEqual(['/[...path]', '/404', '/[locale]/404', '/[...dir]/[file].ics', '/[...dir]/[file].xml']);
    // The sessions' sign-up island hydrates when someone reaches for it.
    expect(directives).toEqual(['intent']);
    expect(update.output).toBe('static');
    expect(update.integrations.map((integration: AstroIntegration) => integration.name)).toEqual(['@astrojs/react']);
    expect(update.trailingSlash).toBe('always');
    expect(update.build.format).toBe('directory');
    expect(update.experimental.csp.directives).toContain("img-src 'self' data: http://cms.internal:1337");
    expect(update.experimental.csp.styleDirective.hashes).toHaveLength(1);
  });

  it('serves a replaced component from the project root, and the theme’s own for the rest', async () => {
    const { update } = await setup({ ...FIXTURE_OPTIONS, components: { Header: './src/components/Header.astro' } });
    const plugin = update.vite.plugins.find((p: { name: string }) => p.name === 'ritme:virtual-modules');
    const load = (id: string) => plugin.load(plugin.resolveId(id)) as string;
    expect(load('virtual:ritme/components/Header')).toBe(
      `export { default } from "/tmp/site/src/components/Header.astro";`,
    );
    expect(load('virtual:ritme/components/Footer')).toMatch(/site\/theme\/src\/components\/Footer\.astro";$/);
    expect(JSON.parse(load('virtual:ritme/config').replace(/^export default |;$/g, '')).locales).toEqual([
      'nl',
      'en',
      'de',
    ]);
  });

  it('becomes the preview server in preview mode: server output on @astrojs/node with the preview routes', async () => {
    const { routes, middlewares, update } = await setup({ ...FIXTURE_OPTIONS, mode: 'preview' } as never);
    expect(update.output).toBe('server');
    expect(update.adapter.name).toBe('@astrojs/node');
    expect(routes).toEqual([
      '/[...path]',
      '/404',
      '/pilot',
      '/preview-entry',
      '/preview-api/feedback',
      '/preview-access/[reason]',
    ]);
    expect(middlewares).toHaveLength(1);
  });
});
