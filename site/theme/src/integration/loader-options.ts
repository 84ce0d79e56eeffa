/**
 * How the loaders in the team's src/content.config.ts learn the ritme()
 * options. Astro evaluates the content config in the process that ran the
 * integration's `astro:config:setup` (astro build, dev, sync and check all do),
 * so the integration leaves the options on a process-wide symbol and
 * `ritmeCollections()` picks them up. Nothing here needs Vite, so the loaders
 * work whether Vite bundles them or Node imports them as they are.
 */
import type { Locale } from '@ritme/shared';

export interface LoaderDefaults {
  cmsUrl: string;
  locales: readonly Locale[];
  /** The build itself loads nothing (the build service's render mode syncs when it renders). */
  skipBuildSync?: boolean;
}

const KEY = Symbol.for('@ritme/astro-theme:loader-options');
type Holder = { [KEY]?: LoaderDefaults };

export function shareLoaderOptions(options: LoaderDefaults) {
  (globalThis as Holder)[KEY] = options;
}

export function sharedLoaderOptions(): LoaderDefaults | undefined {
  return (globalThis as Holder)[KEY];
}
