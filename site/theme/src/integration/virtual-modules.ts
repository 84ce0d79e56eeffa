/**
 * The Vite plugin that carries the ritme() options to the pages:
 *
 *   virtual:ritme/config                 the validated options (JSON)
 *   virtual:ritme/components/<Name>      the team's replacement or the theme's own component
 *   virtual:ritme/preview/{chrome,head}  the preview banner and widget, or nothing in static builds
 */
import type { Plugin } from 'vite';
import type { RitmeConfig } from '../config/schema';

const PREFIX = 'virtual:ritme/';
const RESOLVED = `\0${PREFIX}`;

export function ritmeVirtualModules(config: RitmeConfig, files: Record<string, string>): Plugin {
  const modules: Record<string, string> = {
    config: `export default ${JSON.stringify(config)};`,
    ...Object.fromEntries(
      Object.entries(files).map(([name, file]) => [name, `export { default } from ${JSON.stringify(file)};`]),
    ),
  };
  return {
    name: 'ritme:virtual-modules',
    resolveId(id) {
      if (id.startsWith(PREFIX) && id.slice(PREFIX.length) in modules) return `${RESOLVED}${id.slice(PREFIX.length)}`;
      return undefined;
    },
    load(id) {
      if (id.startsWith(RESOLVED)) return modules[id.slice(RESOLVED.length)];
      return undefined;
    },
  };
}
