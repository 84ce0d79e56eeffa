// Bundles the plugin's server into dist/server/index.js (CommonJS, as Strapi
// loads it). @ritme/shared and zod are bundled in, so the published plugin
// needs no workspace; Strapi's own packages and the rate-limit store clients stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/src/index.ts'],
  outfile: 'dist/server/index.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['@strapi/*', 'rate-limiter-flexible', 'ioredis'],
  logLevel: 'warning',
  footer: { js: 'module.exports = module.exports.default;' },
});
console.log('ritme plugin: server built → dist/server/index.js');
