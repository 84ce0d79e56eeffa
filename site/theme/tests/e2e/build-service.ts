/**
 * The build service as production runs it (`ritme-build-service`, the theme's
 * dist/build-service/cli.mjs) against the demo, on a free loopback port, with
 * its builds in a folder of its own; and a small proxy in front of Strapi that
 * a test can switch to answer 500, to see a build fail.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BUILD_SECRET_HEADER } from '@ritme/shared';
import { freePort } from './preview-server';
import { SITE_DIR, THEME_DIR } from './site';

export const SECRET_HEADER = BUILD_SECRET_HEADER;

export interface BuildStatus {
  state: string;
  current: { id: string; finishedAt: string; durationMs: number; pagesChanged: number } | null;
  building: { id: string; startedAt: string } | null;
  lastFailure: { id: string; at: string; reason: string } | null;
  history: { id: string; finishedAt: string; pagesChanged: number; ok: boolean; trigger?: string }[];
  nextClockBuild: { at: string; reason: string } | null;
  pending: boolean;
  /** Which build's pages the search index holds, and whether a newer one's is being made. */
  search: { build: string | null; indexing: boolean };
}

export interface BuildService {
  url: string;
  port: number;
  output(): string;
  /** Calls the service with the secret (or `secret: null` for none). */
  call(method: string, pathname: string, options?: { secret?: string | null; body?: string }): Promise<Response>;
  status(): Promise<BuildStatus>;
  /**
   * Polls the status until a build newer than `afterId` has finished and nothing waits (its search index
   * included); returns that status. Throws when the deadline passes or, unless
   * `failure` is expected, when that build failed.
   */
  waitForBuild(afterId: number, options?: { failure?: boolean; deadlineMs?: number }): Promise<BuildStatus>;
  stop(): Promise<void>;
}

export interface BuildServiceOptions {
  cmsUrl: string;
  secret: string;
  buildsDir: string;
  port?: number;
  env?: Record<string, string>;
  /** More command-line options, e.g. --no-serve. */
  args?: string[];
}

const newestId = (status: BuildStatus) =>
  Math.max(Number(status.current?.id ?? 0), Number(status.lastFailure?.id ?? 0));

export async function startBuildService(options: BuildServiceOptions): Promise<BuildService> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(THEME_DIR, 'dist/build-service/cli.mjs'),
      '--root',
      SITE_DIR,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      ...(options.args ?? []),
    ],
    {
      cwd: SITE_DIR,
      env: {
        ...process.env,
        CMS_URL: options.cmsUrl,
        RITME_BUILD_SECRET: options.secret,
        RITME_BUILDS_DIR: options.buildsDir,
        RITME_BUILD_DEBOUNCE_MS: '300',
        ...options.env,
      },
    },
  );
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const call: BuildService['call'] = (method, pathname, callOptions = {}) => {
    const secret = callOptions.secret === undefined ? options.secret : callOptions.secret;
    return fetch(`${url}${pathname}`, {
      method,
      headers: {
        ...(secret === null ? {} : { [SECRET_HEADER]: secret }),
        ...(callOptions.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(callOptions.body ? { body: callOptions.body } : {}),
    });
  };
  const status = async () => {
    const response = await call('GET', '/_ritme/status');
    if (response.status !== 200) throw new Error(`/_ritme/status answered ${response.status}`);
    return (await response.json()) as BuildStatus;
  };

  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`The build service exited:\n${log}`);
    const up = await fetch(`${url}/_ritme/status`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (i > 200) throw new Error(`The build service did not listen on ${url}:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    port,
    output: () => log,
    call,
    status,
    async waitForBuild(afterId, waitOptions = {}) {
      const deadline = Date.now() + (waitOptions.deadlineMs ?? 240_000);
      for (;;) {
        if (child.exitCode !== null) throw new Error(`The build service exited:\n${log}`);
        const now = await status();
        const failed = Number(now.lastFailure?.id ?? 0) > Number(now.current?.id ?? 0);
        const searchWaits = !failed && (now.search.indexing || now.search.build !== now.current?.id);
        if (newestId(now) > afterId && now.state !== 'building' && !now.pending && !searchWaits) {
          if (failed && !waitOptions.failure) {
            throw new Error(`Build ${now.lastFailure?.id} failed: ${now.lastFailure?.reason}\n${log.slice(-3000)}`);
          }
          if (!failed && waitOptions.failure)
            throw new Error(`Build ${now.current?.id} succeeded; a failure was expected.`);
          return now;
        }
        if (Date.now() > deadline) {
          throw new Error(`No build after ${afterId} finished in time: ${JSON.stringify(now)}\n${log.slice(-3000)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export interface CmsProxy {
  url: string;
  /** While true, every request answers 500 as a broken Strapi would. */
  failing: boolean;
  close(): Promise<void>;
}

/** Forwards every request to `target` (a running Strapi), unless switched to failing. */
export async function startCmsProxy(target: string): Promise<CmsProxy> {
  const proxy: CmsProxy = { url: '', failing: false, close: async () => {} };
  const server = http.createServer((req, res) => {
    if (proxy.failing) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: null, error: { status: 500, name: 'InternalServerError', message: 'Broken' } }));
      return;
    }
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}

/** A raw GET with the path exactly as given (fetch and browsers would normalise `..` away). */
export function rawGet(
  base: string,
  target: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: target, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
