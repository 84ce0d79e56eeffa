/**
 * Builds the preview server (RITME_MODE=preview) into a folder inside site/ —
 * its server bundle resolves packages from site/node_modules — and runs it on a
 * free loopback port with the given Strapi, token and secret.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { SITE_DIR } from './site';

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
  output: () => string;
  stop(): Promise<void>;
}

export async function startPreviewServer(options: {
  cmsUrl: string;
  token: string;
  secret: string;
  port: number;
  build: string;
}): Promise<PreviewServer> {
  const outDir = path.join(SITE_DIR, `.preview-test-${randomBytes(4).toString('hex')}`);
  await run(path.join(SITE_DIR, 'node_modules/.bin/astro'), ['build'], {
    CMS_URL: options.cmsUrl,
    RITME_MODE: 'preview',
    RITME_SITE_OUT: outDir,
    RITME_SITE_CACHE: path.join(outDir, '.cache'),
  });
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(outDir, 'server/entry.mjs')], {
    cwd: SITE_DIR,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      CMS_URL: options.cmsUrl,
      RITME_PREVIEW_TOKEN: options.token,
      PREVIEW_SECRET: options.secret,
      RITME_BUILD: options.build,
    },
  });
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${options.port}`;
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`The preview server exited:\n${log}`);
    const up = await fetch(`${url}/preview-access/no-session/`).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    output: () => log,
    async stop() {
      child.kill('SIGTERM');
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
