type Env = ((key: string, fallback?: string) => string) & {
  int(key: string, fallback?: number): number;
  bool(key: string, fallback?: boolean): boolean;
  array(key: string, fallback?: string[]): string[];
};

export default ({ env }: { env: Env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a load balancer, trust X-Forwarded-For so rate limits apply per client. Strapi 5 reads
  // `proxy.koa` (a bare boolean is ignored); with one proxy in front, only its own entry — the
  // right-most — is believed (`maxIpsCount`), never what a client wrote to the left of it.
  proxy: {
    koa: env.bool('TRUST_PROXY', false),
    maxIpsCount: env.int('TRUST_PROXY_HOPS', 1),
  },
  app: { keys: env.array('APP_KEYS') },
  // No update checks against the npm registry at boot (tests, CI, air-gapped intranets).
  logger: { updates: { enabled: false } },
});
