/**
 * @ritme/astro-theme: the Ritme intranet as an Astro integration.
 *
 *   // astro.config.mjs
 *   import ritme from '@ritme/astro-theme';
 *   export default defineConfig({ integrations: [ritme({ name, tagline, colours, cmsUrl })] });
 *
 * At `astro:config:setup` it validates the options (config/schema.ts), injects
 * every page (routes/), adds React for the islands, sets trailing slashes,
 * directory output and the Content-Security-Policy, and hands the options to
 * the pages (virtual modules) and the loaders (integration/loader-options.ts).
 * In preview mode it becomes the preview server for pilots: server output on
 * @astrojs/node, with the preview routes and middleware (preview/).
 *
 * After a static build it writes the site's search index (search/index-site.mjs).
 *
 * Every page carries a Content-Security-Policy (Astro's experimental.csp): a
 * <meta> in static pages, a header on the preview server. Astro adds the hashes
 * of the scripts and styles it renders itself, so no other inline script runs.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { isSafeHttpUrl } from '@ritme/shared';
import type { AstroIntegration } from 'astro';
import { COMPONENT_NAMES } from './components/names';
import { cssVariablesOf } from './config/css-variables';
import { parseOptions, type RitmeUserOptions } from './config/schema';
import { shareLoaderOptions } from './integration/loader-options';
import { ownDependencies } from './integration/own-dependencies';
import { ritmeVirtualModules } from './integration/virtual-modules';
import { setupPreview } from './preview/integration';
import { setupRender } from './render/integration';
import { closeIndexer, indexSite } from './search/index-site.mjs';

export type { RitmeConfig, RitmeUserOptions } from './config/schema';
export type { StringOverrides } from './i18n/resolve';

/** A file of the theme: src/… when run from source, dist/… once built (this module sits at the root of either). */
const own = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const trimSlash = (url: string) => url.replace(/\/+$/, '');
/** The theme's own TypeScript modules are .ts in src/ and .js in dist/. */
const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/**
 * A static page carries its Content-Security-Policy as a <meta>, a page rendered on demand as a header.
 * The renderer writes static pages, so its server build is told to render the <meta> (Astro reads
 * `csp.cspDestination` from the manifest before it falls back on the route's kind).
 */
function renderCspAsMeta(serverDir: string) {
  const manifests = readdirSync(serverDir).filter((name) => /^manifest_.*\.mjs$/.test(name));
  const marker = '"csp":{';
  for (const name of manifests) {
    const file = path.join(serverDir, name);
    const code = readFileSync(file, 'utf8');
    if (code.split(marker).length !== 2) {
      throw new Error(
        `ritme(): render mode could not find Astro's CSP settings in ${file}; Astro's manifest format may have changed.`,
      );
    }
    writeFileSync(file, code.replace(marker, `${marker}"cspDestination":"meta",`));
  }
  if (manifests.length !== 1) throw new Error(`ritme(): render mode expected one manifest in ${serverDir}.`);
}

export default function ritme(userOptions: RitmeUserOptions): AstroIntegration {
  // Validated here already, so a bad option fails at the line that calls ritme().
  const config = parseOptions(userOptions);
  const overrides = (userOptions.components ?? {}) as Partial<Record<string, string>>;
  let serverDir = '';
  return {
    name: '@ritme/astro-theme',
    hooks: {
      'astro:config:setup': ({ config: astroConfig, updateConfig, injectRoute, addMiddleware, addClientDirective }) => {
        const preview = config.mode === 'preview';
        // The build service's renderer: the same pages as a server build, rendered page by page (render/).
        const render = config.mode === 'render';
        const cmsUrl = trimSlash(process.env.CMS_URL ?? config.cmsUrl);
        // Browsers load photos from the CMS and send the forms to it.
        const publicCmsUrl = trimSlash(process.env.PUBLIC_CMS_URL ?? cmsUrl);
        if (!isSafeHttpUrl(publicCmsUrl)) {
          throw new Error(
            `ritme(): the CMS URL browsers use must be an http(s) URL such as http://localhost:1337, not "${publicCmsUrl}": set PUBLIC_CMS_URL (or CMS_URL, or the cmsUrl option).`,
          );
        }
        const cmsOrigin = new URL(publicCmsUrl).origin;
        const root = fileURLToPath(astroConfig.root);
        const resolveOverride = (file: string) => (file.startsWith('.') ? path.resolve(root, file) : file);
        const files: Record<string, string> = {
          ...Object.fromEntries(
            COMPONENT_NAMES.map((name) => {
              const override = overrides[name];
              return [`components/${name}`, override ? resolveOverride(override) : own(`./components/${name}.astro`)];
            }),
          ),
          'preview/chrome': own(`./preview/${preview ? 'on' : 'off'}/chrome.astro`),
          'preview/head': own(`./preview/${preview ? 'on' : 'off'}/head.astro`),
        };
        // The renderer syncs at render time, into its own memory: its bundle must not carry a snapshot.
        shareLoaderOptions({ cmsUrl, locales: config.locales, skipBuildSync: render });

        const hasReact = astroConfig.integrations.some((integration) => integration.name === '@astrojs/react');
        const adapter = preview ? node({ mode: 'standalone' }) : render ? node({ mode: 'middleware' }) : undefined;
        // Tests and benchmarks build side by side into their own folders.
        const outDir = process.env.RITME_SITE_OUT;
        const cacheDir = process.env.RITME_SITE_CACHE;
        const folder = (dir: string) => pathToFileURL(`${path.resolve(root, dir)}/`);
        updateConfig({
          output: preview || render ? 'server' : 'static',
          ...(adapter ? { adapter } : {}),
          integrations: [...(hasReact ? [] : [react()]), ...(adapter ? [adapter] : [])],
          trailingSlash: 'always',
          build: {
            format: 'directory',
            // Astro derives the server build's client/ and server/ folders from outDir before this hook.
            ...(outDir
              ? { client: new URL('client/', folder(outDir)), server: new URL('server/', folder(outDir)) }
              : {}),
          },
          ...(outDir ? { outDir: folder(outDir) } : {}),
          ...(cacheDir ? { cacheDir: folder(cacheDir) } : {}),
          vite: { plugins: [ritmeVirtualModules(config, files), ownDependencies(fileURLToPath(import.meta.url))] },
          experimental: {
            csp: {
              algorithm: 'SHA-256',
              directives: [
                "default-src 'self'",
                `img-src 'self' data: ${cmsOrigin}`,
                `connect-src 'self' ${cmsOrigin}`,
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
              ],
              // The search index runs as WebAssembly (Pagefind), which needs 'wasm-unsafe-eval' — compiling
              // WebAssembly only, never eval() of script. The preview server has no index, so not there.
              ...(preview ? {} : { scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] } }),
              // The layout's inline theme colours: the one inline style Astro does not hash itself.
              styleDirective: { hashes: [sha256(cssVariablesOf(config.colours)) as `sha256-${string}`] },
            },
          },
        });

        // Islands that load React only when someone reaches for them (a training's sign-up forms).
        addClientDirective({ name: 'intent', entrypoint: own('./integration/intent-directive.mjs') });
        injectRoute({ pattern: '/[...path]', entrypoint: own('./routes/page.astro') });
        injectRoute({ pattern: '/404', entrypoint: own('./routes/404.astro') });
        // One not-found page per prefixed locale (/en/404/), for servers that pick it by the path's language.
        if (!preview) injectRoute({ pattern: '/[locale]/404', entrypoint: own('./routes/404-locale.astro') });
        // The feeds beside the pages (data/feeds.ts): a calendar per training and group, an Atom feed per
        // locale. A slug has no dot, so no page matches these. Not on the preview server: it has none.
        if (!preview) {
          injectRoute({ pattern: '/[...dir]/[file].ics', entrypoint: own(`./routes/calendar${ext}`) });
          injectRoute({ pattern: '/[...dir]/[file].xml', entrypoint: own(`./routes/feed${ext}`) });
        }
        if (preview) setupPreview({ injectRoute, addMiddleware });
        if (render) setupRender({ injectRoute, addMiddleware });
      },
      'astro:config:done': ({ config: done }) => {
        serverDir = fileURLToPath(done.build.server);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (config.mode === 'render') renderCspAsMeta(serverDir);
        // The static site's search index (the preview server has none; the build service indexes each build it serves).
        if (config.mode === 'static') {
          try {
            const { pages, languages, ms } = await indexSite(fileURLToPath(dir));
            const per = Object.entries(languages as Record<string, number>).map(([code, n]) => `${code} ${n}`);
            logger.info(`search index: ${pages} pages (${per.join(', ')}) in ${ms} ms`);
          } finally {
            await closeIndexer();
          }
        }
      },
      'astro:route:setup': ({ route }) => {
        // The preview server renders every page on demand, from live data; the renderer when asked.
        if (config.mode !== 'static') route.prerender = false;
      },
    },
  };
}
