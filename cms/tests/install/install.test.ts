/**
 * Ritme installed the way a team installs it, outside this workspace: the three
 * packages packed with `pnpm pack`, a fresh Strapi 5 app made by
 * `create-strapi` with the plugin added by the README's lines, a fresh Astro
 * project with `ritme({...})`, both installed from the tarballs and the npm
 * registry (no workspace links). Strapi's admin is built (a broken admin bundle
 * fails here), Strapi boots, an editor enables a third locale (German) and
 * publishes through the Content Manager's own HTTP API, the public API answers
 * without any host-side permission code, and the Astro site builds its pages
 * in Dutch, English and German (German falling back to English strings).
 *
 * Slow (≈ 4–6 minutes): it runs as its own Vitest project, `install`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PNPM = `pnpm@${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1]}`;
const STRAPI_VERSION = '5.54.0';
const WORK = mkdtempSync(path.join(tmpdir(), 'ritme-install-'));
const TARBALLS = path.join(WORK, 'tarballs');
const APP = path.join(WORK, 'intranet-cms');
const SITE = path.join(WORK, 'intranet-site');
const logFile = path.join(WORK, 'strapi.log');

function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  try {
    return execFileSync(command, args, {
      cwd,
      env: { ...process.env, CI: 'true', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed:\n${failed.message}\n${String(failed.stdout ?? '').slice(-4000)}\n${String(failed.stderr ?? '').slice(-4000)}`,
    );
  }
}
const pnpm = (args: string[], cwd: string, env?: Record<string, string>) => sh('npx', ['-y', PNPM, ...args], cwd, env);

/** `pnpm pack` one workspace package into TARBALLS; returns the tarball's path. */
function pack(dir: string): string {
  const before = new Set(existsSync(TARBALLS) ? readdirSync(TARBALLS) : []);
  pnpm(['pack', '--pack-destination', TARBALLS], path.join(ROOT, dir));
  const made = readdirSync(TARBALLS).find((name) => !before.has(name) && name.endsWith('.tgz'));
  if (!made) throw new Error(`pnpm pack in ${dir} made no tarball`);
  return path.join(TARBALLS, made);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** pnpm 10 builds only the native dependencies it is told to (create-strapi writes pnpm 11's spelling). */
const BUILT = ['better-sqlite3', '@swc/core', 'esbuild', 'sharp'];
const allowBuilds = (dir: string) => {
  const file = path.join(dir, 'pnpm-workspace.yaml');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : "packages:\n  - '.'\n";
  writeFileSync(file, `${current}\nonlyBuiltDependencies:\n${BUILT.map((name) => `  - '${name}'`).join('\n')}\n`);
};

function patchJson(file: string, change: (json: Record<string, any>) => void) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  change(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

let strapi: ChildProcess | undefined;
let cmsUrl = '';
let tarballs: { shared: string; plugin: string; theme: string };
let adminToken = '';

async function waitForHealth(url: string, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (strapi?.exitCode != null) break;
    try {
      if ((await fetch(`${url}/_health`)).status === 204) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Strapi did not come up at ${url}:\n${readFileSync(logFile, 'utf8').slice(-6000)}`);
}

async function admin(method: string, route: string, body?: unknown) {
  const response = await fetch(`${cmsUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(adminToken ? { authorization: `Bearer ${adminToken}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, any>;
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${JSON.stringify(json).slice(0, 800)}`);
  return json;
}

const BEHAVIOUR = 'plugin::ritme.behaviour';
const titles = {
  nl: 'Deel elke vrijdag een korte weekupdate',
  en: 'Share a short weekly update every Friday',
  de: 'Teile jeden Freitag ein kurzes Wochenupdate',
};
let behaviourId = '';

/**
 * A public GET. Strapi closes idle keep-alive sockets after 5 s and the site's
 * build takes longer, so a reused socket may be gone: that one is retried.
 */
async function publicGet(route: string): Promise<Response> {
  try {
    return await fetch(`${cmsUrl}${route}`);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    return fetch(`${cmsUrl}${route}`);
  }
}

beforeAll(async () => {
  mkdirSync(TARBALLS, { recursive: true });
  // 1. The packages, packed as they would be published (built by the project's global setups).
  // Strapi's plugin SDK checks the plugin package as it would be published (exports, built files).
  pnpm(['--filter', '@ritme/strapi-plugin', 'run', 'verify'], ROOT);
  tarballs = { shared: pack('shared'), plugin: pack('cms/src/plugins/ritme'), theme: pack('site/theme') };

  // 2. A fresh Strapi 5 app, as `npx create-strapi` makes it, plus the README's lines.
  sh(
    'npx',
    [
      '-y',
      `create-strapi@${STRAPI_VERSION}`,
      APP,
      '--typescript',
      '--no-example',
      '--skip-cloud',
      '--skip-db',
      '--no-install',
      '--no-git-init',
      '--use-pnpm',
    ],
    WORK,
  );
  patchJson(path.join(APP, 'package.json'), (json) => {
    json.dependencies['@ritme/strapi-plugin'] = `file:${tarballs.plugin}`;
    // The workspace's better-sqlite3: pnpm's store then reuses its compiled build.
    json.dependencies['better-sqlite3'] = '12.11.1';
  });
  allowBuilds(APP);
  const plugins = readFileSync(path.join(APP, 'config/plugins.ts'), 'utf8');
  writeFileSync(
    path.join(APP, 'config/plugins.ts'),
    plugins.replace(
      "  'users-permissions': {",
      [
        '  ritme: {',
        '    enabled: true,',
        '    config: {',
        "      allowedOrigins: [env('INTRANET_URL', 'http://localhost:4321')],",
        "      preview: { url: env('RITME_PREVIEW_URL', 'http://localhost:4322'), secret: env('RITME_PREVIEW_SECRET') },",
        '    },',
        '  },',
        "  'users-permissions': {",
      ].join('\n'),
    ),
  );
  const adminConfig = readFileSync(path.join(APP, 'config/admin.ts'), 'utf8');
  writeFileSync(
    path.join(APP, 'config/admin.ts'),
    adminConfig.replace(
      '  flags: {',
      [
        '  preview: {',
        '    enabled: true,',
        "    config: { allowedOrigins: [env('RITME_PREVIEW_URL', 'http://localhost:4322')], handler: (uid, target) => strapi.plugin('ritme').service('preview-links').handler(uid, target) },",
        '  },',
        '  flags: {',
      ].join('\n'),
    ),
  );
  pnpm(['install', '--prefer-offline'], APP);
  pnpm(['exec', 'strapi', 'build'], APP, { NODE_ENV: 'production' });

  const port = await freePort();
  cmsUrl = `http://127.0.0.1:${port}`;
  const out = (await import('node:fs')).openSync(logFile, 'a');
  strapi = spawn('npx', ['-y', PNPM, 'exec', 'strapi', 'start'], {
    cwd: APP,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      RITME_PREVIEW_SECRET: randomBytes(24).toString('base64'),
      STRAPI_TELEMETRY_DISABLED: 'true',
    },
    stdio: ['ignore', out, out],
    detached: true,
  });
  await waitForHealth(cmsUrl, 120);

  // 3. An editor's first visit: the first admin, a third locale, one behaviour in three languages.
  const registered = await admin('POST', '/admin/register-admin', {
    email: 'editor@example.org',
    password: 'Install-check-1',
    firstname: 'Eva',
    lastname: 'Editor',
  });
  adminToken = registered.data.token;
  await admin('POST', '/i18n/locales', { code: 'de', name: 'German (de)', isDefault: false });
  const locales = (await admin('GET', '/i18n/locales')) as unknown as { code: string }[];
  if (!locales.some((locale) => locale.code === 'nl'))
    await admin('POST', '/i18n/locales', { code: 'nl', name: 'Dutch (nl)', isDefault: false });
  const created = await admin('POST', `/content-manager/collection-types/${BEHAVIOUR}?locale=en`, {
    title: titles.en,
    insteadOf: 'Reply-all e-mails',
    skill: 'making_work_visible',
  });
  behaviourId = created.data.documentId;
  for (const locale of ['nl', 'de'] as const) {
    await admin('PUT', `/content-manager/collection-types/${BEHAVIOUR}/${behaviourId}?locale=${locale}`, {
      title: titles[locale],
      insteadOf: locale === 'nl' ? 'Allen beantwoorden' : 'Allen antworten',
      skill: 'making_work_visible',
    });
  }
  for (const locale of ['en', 'nl', 'de'])
    await admin(
      'POST',
      `/content-manager/collection-types/${BEHAVIOUR}/${behaviourId}/actions/publish?locale=${locale}`,
      {},
    );

  // 4. A fresh Astro project with the theme, from the tarballs and the registry.
  mkdirSync(path.join(SITE, 'src'), { recursive: true });
  writeFileSync(
    path.join(SITE, 'package.json'),
    `${JSON.stringify(
      {
        name: 'intranet-site',
        private: true,
        type: 'module',
        scripts: { build: 'astro build' },
        dependencies: { astro: '5.18.2', '@ritme/astro-theme': `file:${tarballs.theme}` },
        // @ritme/shared is published beside the theme; here it comes from its tarball.
        pnpm: { overrides: { '@ritme/shared': `file:${tarballs.shared}` } },
      },
      null,
      2,
    )}\n`,
  );
  allowBuilds(SITE);
  writeFileSync(
    path.join(SITE, 'astro.config.mjs'),
    [
      "import ritme from '@ritme/astro-theme';",
      "import { defineConfig } from 'astro/config';",
      '',
      'export default defineConfig({',
      "  site: 'https://intranet.example.org',",
      '  integrations: [',
      '    ritme({',
      "      name: 'Gemeente Voorbeeld',",
      "      tagline: { nl: 'Ons intranet', en: 'Our intranet', de: 'Unser Intranet' },",
      "      colours: { primary: '#0b5c7a', accent: '#b4461b', background: '#f7f5f0', surface: '#ffffff', text: '#1d2428' },",
      '      cmsUrl: process.env.CMS_URL,',
      "      locales: ['nl', 'en', 'de'],",
      "      defaultLocale: 'nl',",
      "      strings: { de: { nav: { behaviours: 'Verhalten' } } },",
      "      components: { Footer: './src/components/OurFooter.astro' },",
      '    }),',
      '  ],',
      '});',
      '',
    ].join('\n'),
  );
  // The organisation's own footer in place of the theme's (props: the page's locale).
  mkdirSync(path.join(SITE, 'src/components'), { recursive: true });
  writeFileSync(
    path.join(SITE, 'src/components/OurFooter.astro'),
    '---\nconst { locale } = Astro.props;\n---\n<footer class="our-footer">Gemeente Voorbeeld · {locale}</footer>\n',
  );
  writeFileSync(
    path.join(SITE, 'src/content.config.ts'),
    "import { ritmeCollections } from '@ritme/astro-theme/loaders';\n\nexport const collections = ritmeCollections();\n",
  );
  pnpm(['install', '--prefer-offline'], SITE);
  pnpm(['exec', 'astro', 'build'], SITE, { CMS_URL: cmsUrl });
}, 1_500_000);

afterAll(() => {
  if (strapi?.pid) {
    try {
      process.kill(-strapi.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (!process.env.RITME_KEEP_INSTALL) rmSync(WORK, { recursive: true, force: true });
});

const page = (route: string) => readFileSync(path.join(SITE, 'dist', route, 'index.html'), 'utf8');

describe('Ritme installed into a fresh Strapi app and a fresh Astro site', () => {
  it('installs from tarballs only: nothing links back into the workspace or points at TypeScript source', () => {
    const lock =
      readFileSync(path.join(SITE, 'pnpm-lock.yaml'), 'utf8') + readFileSync(path.join(APP, 'pnpm-lock.yaml'), 'utf8');
    expect(lock).not.toContain('link:');
    expect(lock).not.toContain(ROOT);
    for (const [dir, name] of [
      [APP, '@ritme/strapi-plugin'],
      [SITE, '@ritme/astro-theme'],
    ] as const) {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8'));
      const targets = JSON.stringify(manifest.exports).match(/"\.\/[^"]+"/g) ?? [];
      const entries = targets.filter((target) => !target.includes('package.json'));
      expect(entries.length).toBeGreaterThan(0);
      // `source` conditions name the TypeScript the package was built from; nothing resolves to it.
      const resolved = JSON.stringify(manifest.exports, (key, value) => (key === 'source' ? undefined : value));
      expect(resolved).not.toMatch(/(?<!\.d)\.tsx?"/);
      expect(resolved).toMatch(/\.m?js"/);
    }
  });

  it('the plugin loaded in the fresh app and granted its public reads itself', async () => {
    const response = await publicGet('/api/ritme/behaviours?locale=nl');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { documentId: string; title: string }[] };
    expect(body.data.map((entry) => entry.title)).toEqual([titles.nl]);
    // The admin panel the host built with the plugin's admin bundle in it is served.
    expect((await publicGet('/admin')).status).toBe(200);
  });

  it("lets the intranet call the API cross-origin without credentials, and warns about Strapi's CORS default", async () => {
    const preflight = await fetch(`${cmsUrl}/api/ritme/suggestions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:4321',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    // create-strapi's middlewares keep Strapi's default CORS (any origin, with credentials): the plugin says so.
    expect(readFileSync(logFile, 'utf8')).toContain("Strapi's CORS default lets any website call your admin API");
  });

  it('serves the third locale Strapi enabled, with Strapi pagination parameters', async () => {
    const response = await fetch(`${cmsUrl}/api/ritme/behaviours?locale=de&pagination[page]=1&pagination[pageSize]=5`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { title: string; locale: string }[];
      meta: { pagination: { page: number; pageSize: number; total: number } };
    };
    expect(body.data).toMatchObject([{ title: titles.de, locale: 'de' }]);
    expect(body.meta.pagination).toMatchObject({ page: 1, pageSize: 5, total: 1 });
  });

  it('built the intranet in Dutch, English and German from the fresh Strapi', () => {
    const nl = page('gedrag');
    expect(nl).toContain(titles.nl);
    expect(page('en/behaviours')).toContain(titles.en);
    const de = page('de/behaviours');
    expect(de).toContain(titles.de);
    expect(de).toContain('lang="de"');
    // The one string the site translated, and English for everything it did not.
    expect(de).toContain('Verhalten');
    expect(de).toContain('Trainings');
    expect(readdirSync(path.join(SITE, 'dist/de/behaviours')).length).toBeGreaterThan(1);
  });

  it("renders the site's own footer component instead of the theme's", () => {
    expect(page('gedrag')).toContain('<footer class="our-footer">Gemeente Voorbeeld · nl</footer>');
    expect(page('de/behaviours')).toContain('Gemeente Voorbeeld · de');
    expect(page('gedrag')).not.toContain('site-footer');
  });
});
