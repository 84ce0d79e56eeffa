/**
 * Builds the demo intranet (site/demo: nothing but ritme() options, the theme
 * imported from its built dist/ as an installed package would be) against a
 * running Strapi into a temporary folder, and serves it the way a static web
 * server would (directory index, 404.html).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The Astro project the tests build: the demo. */
export const SITE_DIR = path.resolve(import.meta.dirname, '../../../demo');
/** The theme package, whose dist/ holds the preview server's entry. */
export const THEME_DIR = path.resolve(import.meta.dirname, '../..');

export interface BuiltSite {
  dir: string;
  output: string;
}

/**
 * `astro build` against `cmsUrl` into `<folder>/dist` (cache in `<folder>/cache`):
 * a new temporary folder, or `into` to build again over an earlier build.
 * The folder is inside site/demo/ (named like the preview builds, so git and Biome
 * ignore it): Astro writes a static build's prerender chunks next to its output
 * only when that is under the working directory; otherwise into site/demo/.astro/,
 * which two test files building at the same time would share and break.
 * A failed build removes the folder it made (never one passed as `into`).
 */
export function buildSite(
  cmsUrl: string,
  extraEnv: Record<string, string> = {},
  options: { into?: string } = {},
): Promise<BuiltSite> {
  const dir = options.into ?? mkdtempSync(path.join(SITE_DIR, '.preview-test-site-'));
  const outDir = path.join(dir, 'dist');
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(SITE_DIR, 'node_modules/.bin/astro'), ['build'], {
      cwd: SITE_DIR,
      env: {
        ...process.env,
        CMS_URL: cmsUrl,
        RITME_SITE_OUT: outDir,
        RITME_SITE_CACHE: path.join(dir, 'cache'),
        ...extraEnv,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const fail = (error: Error) => {
      if (!options.into) rmSync(dir, { recursive: true, force: true });
      reject(error);
    };
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code === 0) resolve({ dir: outDir, output });
      else fail(Object.assign(new Error(`astro build exited with ${code}:\n${output.slice(-3000)}`), { output }));
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ics': 'text/calendar; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) {
      res.statusCode = 400;
      res.end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.statusCode = 404;
      res.setHeader('content-type', TYPES['.html'] as string);
      const notFound = path.join(dir, '404.html');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
      return;
    }
    res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The test Strapi runs in this process and reads its CORS origins per request: let this intranet call it.
  process.env.CORS_ORIGINS = [...(process.env.CORS_ORIGINS ?? '').split(',').filter(Boolean), url].join(',');
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const removeBuild = (site: BuiltSite) => rmSync(path.dirname(site.dir), { recursive: true, force: true });
