// The counting proxy between what reads Strapi (a build, the build service) and Strapi itself.
import http from 'node:http';

/**
 * Forwards every request to `targetUrl` and counts requests, response-body bytes,
 * failures, requests per route and the time Strapi took. `take()` returns the
 * counts so far and starts again from zero.
 */
export function startProxy(targetUrl) {
  const target = new URL(targetUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const fresh = () => ({ requests: 0, bytes: 0, failed: 0, byRoute: {}, bytesByRoute: {}, busyMs: 0, slowestMs: 0 });
  const stats = fresh();
  const server = http.createServer((req, res) => {
    stats.requests += 1;
    const began = performance.now();
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const route = pathname.replace(/^\/api\/ritme\//, '').replace(/\/[^/]+\/results$/, '/:id/results');
    stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
        timeout: 300_000,
      },
      (response) => {
        if (response.statusCode >= 400) stats.failed += 1;
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.on('data', (chunk) => {
          stats.bytes += chunk.length;
          stats.bytesByRoute[route] = (stats.bytesByRoute[route] ?? 0) + chunk.length;
        });
        response.on('end', () => {
          const ms = performance.now() - began;
          stats.busyMs += ms;
          stats.slowestMs = Math.max(stats.slowestMs, ms);
        });
        response.pipe(res);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('upstream timeout')));
    upstream.on('error', () => {
      stats.failed += 1;
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        /** The counts so far, without resetting them. */
        peek: () => ({ ...stats, byRoute: { ...stats.byRoute }, bytesByRoute: { ...stats.bytesByRoute } }),
        take() {
          const taken = { ...stats, byRoute: { ...stats.byRoute }, bytesByRoute: { ...stats.bytesByRoute } };
          Object.assign(stats, fresh());
          return taken;
        },
        close: () =>
          new Promise((done) => {
            agent.destroy();
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A loopback port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
