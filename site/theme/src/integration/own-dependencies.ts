/**
 * Lets a project use the theme without installing the theme's own
 * dependencies itself. The integration adds @astrojs/react (and @astrojs/node
 * in preview mode), whose renderer and adapter entry points Astro imports by
 * name from the project root — where a strict package manager (pnpm) does not
 * put them, since only @ritme/astro-theme is the project's dependency. When a
 * bare import cannot be resolved where it is written, this plugin resolves it
 * from the theme's own folder instead (Node's rules: @astrojs/react dedupes
 * react to the project root); for the server it stays an external import, by
 * absolute path, so Node loads the file the theme brought.
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const bare = /^(?![./\0]|[a-zA-Z]:|virtual:|astro:)[^:]+$/;

export function ownDependencies(themeFile: string): Plugin {
  const require = createRequire(themeFile);
  return {
    name: 'ritme:own-dependencies',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      if (!bare.test(id)) return undefined;
      const found = await this.resolve(id, importer, { ...options, skipSelf: true });
      if (found) return found;
      // Resolved with Node's rules from the theme, not Vite's: @astrojs/react dedupes react to the project root.
      let file: string;
      try {
        file = require.resolve(id);
      } catch {
        return undefined;
      }
      // Astro's own integrations import its virtual modules (astro:react:opts), so Vite must process them;
      // for the server anything else stays an external import, by absolute path, so Node loads the theme's copy.
      const server = this.environment?.config.consumer === 'server' || options.ssr;
      return server && !id.startsWith('@astrojs/') ? { id: file, external: true } : file;
    },
  };
}
