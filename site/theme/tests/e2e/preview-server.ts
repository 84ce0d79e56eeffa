/**
 * Builds the demo's preview server (RITME_MODE=preview) into a folder inside
 * site/demo/ and runs it the way production does (the theme's
 * `ritme-preview-server`, dist/preview/server.mjs, in front of the build) on a free
 * loopback port with the given Strapi, token and secret. `runPreviewServer`
 * starts another process on the same build, e.g. with other settings.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { SITE_DIR, THEME_DIR } from './site';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: SITE_DIR, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited ${code}:\n${output.slice(-3000)}`)),
    );
  });
}

export interface PreviewServer {
  url: string;
  /** The build folder (shared by every server started on it). */
  buildDir: string;
  output: () => string;
  stop(): Promise<void>;
}

export interface PreviewOptions {
  cmsUrl: string;
  token: string;
  secret: string;
  port: number;
  build: string;
  /** More environment for the server, e.g. RITME_TRUSTED_PROXIES. */
  env?: Record<string, string>;
}

/** Runs the theme's preview server entry on an existing build; `stop()` ends that process only. */
export async function runPreviewServer(buildDir: string, options: PreviewOptions): Promise<PreviewServer> {
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(THEME_DIR, 'dist/preview/server.mjs'), buildDir], {
    cwd: SITE_DIR,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      CMS_URL: options.cmsUrl,
      RITME_PREVIEW_TOKEN: options.token,
      PREVIEW_SECRET: options.secret,
      RITME_BUILD: options.build,
      ...options.env,
    },
  });
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`The preview server exited:\n${log}`);
    const up = await fetch(`${url}/preview-access/no-session/`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (i === 100) throw new Error(`The preview server did not answer on ${url} within 20 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    buildDir,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Builds the preview server against `cmsUrl` and runs it; `stop()` also removes the build. */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const outDir = path.join(SITE_DIR, `.preview-test-${randomBytes(4).toString('hex')}`);
  await run(path.join(SITE_DIR, 'node_modules/.bin/astro'), ['build'], {
    CMS_URL: options.cmsUrl,
    RITME_MODE: 'preview',
    RITME_SITE_OUT: outDir,
    RITME_SITE_CACHE: path.join(outDir, '.cache'),
  });
  const server = await runPreviewServer(outDir, options).catch((error: unknown) => {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
