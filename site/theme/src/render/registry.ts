/**
 * What the build service's renderer process and the render-mode server bundle
 * share: one object on a process-wide symbol. The renderer (build-service/
 * renderer.mjs) creates it before it imports the bundle; the bundle's plan
 * endpoint fills `pages`, the page route reads them. Nothing here exists in a
 * static or preview build.
 */
import type { FeedProps } from '../data/feeds';
import type { PageProps } from '../data/pages';

export interface MemoryCollection {
  entries: Map<string, { id: string; data: Record<string, unknown>; digest?: string | number }>;
  meta: Map<string, string>;
}

export interface RenderRegistry {
  /** Sent by the renderer on every request, so nothing else on the machine can drive the bundle. */
  token: string;
  /** The synced content, per collection, as the content layer would hold it. */
  collections: Record<string, MemoryCollection>;
  /** Every page and feed of the last plan, by its route's path. */
  pages: Map<string, PageProps | FeedProps>;
}

const KEY = Symbol.for('@ritme/astro-theme:render');
type Holder = { [KEY]?: RenderRegistry };

export function renderRegistry(): RenderRegistry | undefined {
  return (globalThis as Holder)[KEY];
}

export const RENDER_TOKEN_HEADER = 'x-ritme-render-token';
