// Strapi loads this file. Strapi silently skips a local plugin without a server
// entry, so an unbuilt plugin fails loudly here instead.
try {
  module.exports = require('./dist/server/index.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/server/index.js')) {
    throw new Error(
      'The ritme plugin is not built. Run `pnpm --filter @ritme/strapi-plugin-ritme build` ' +
        '(`npm start` and `npm test` do this for you).',
    );
  }
  throw error;
}
