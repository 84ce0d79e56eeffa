/**
 * The render mode of the ritme() integration (RITME_MODE=render, set only by
 * the build service): a server build of the same pages, bundled once per code
 * version, that renders the pages the service asks for from content it syncs
 * incrementally (render/plan.ts). Its output is the static site, page by page.
 */
import type { AstroIntegration } from 'astro';

type SetupParams = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0];

const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const here = (file: string) => new URL(file, import.meta.url).pathname;

export function setupRender({ injectRoute, addMiddleware }: Pick<SetupParams, 'injectRoute' | 'addMiddleware'>) {
  const base = import.meta.url.includes('/render/') ? './' : './render/';
  const file = (name: string) => here(`${base}${name}`);
  injectRoute({ pattern: '/_ritme/render/plan', entrypoint: file(`plan${ext}`), prerender: false });
  addMiddleware({ entrypoint: file(`middleware${ext}`), order: 'pre' });
}
