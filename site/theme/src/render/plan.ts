/**
 * `POST /_ritme/render/plan` (render mode, the renderer's token only): sync the
 * content with the same loaders a static build uses — incrementally, from the
 * cursors they keep — into the renderer's memory, describe every page with the
 * same buildPages, and answer each page's path and the digest of what it
 * shows. The renderer renders the pages whose digest changed since the last
 * good build and keeps the others' files.
 */
import { createHash } from 'node:crypto';
import { type EvaluationRound, paths, roundState, type Training } from '@ritme/shared';
import type { APIRoute } from 'astro';
import { cmsUrl, theme } from '../config';
import { buildFeeds, type FeedProps, routePathOf } from '../data/feeds';
import { buildPages, type PageProps } from '../data/pages';
import { ritmeCollections } from '../loaders';
import { type MemoryCollection, renderRegistry } from './registry';
import { memorySource } from './source';

export const prerender = false;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

function memoryContext(collection: MemoryCollection, logs: string[], name: string) {
  const { entries, meta } = collection;
  const store = {
    set(entry: { id: string; data: Record<string, unknown>; digest?: string | number }) {
      const existing = entries.get(entry.id);
      if (existing && entry.digest !== undefined && existing.digest === entry.digest) return false;
      entries.set(entry.id, { id: entry.id, data: entry.data, digest: entry.digest });
      return true;
    },
    get: (id: string) => entries.get(id),
    has: (id: string) => entries.has(id),
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
  };
  const metaStore = {
    get: (key: string) => meta.get(key),
    set: (key: string, value: string) => void meta.set(key, value),
    has: (key: string) => meta.has(key),
    delete: (key: string) => void meta.delete(key),
  };
  const say = (message: string) => logs.push(`${name}: ${message}`);
  return {
    collection: name,
    store,
    meta: metaStore,
    logger: { info: say, warn: say, error: say, debug: () => {}, options: {}, label: name, fork: () => undefined },
    generateDigest: (data: unknown) => sha1(JSON.stringify(data)),
  };
}

/**
 * What a page shows, as one hash. `now` is the moment of the build: pages are
 * equal when they show the same data in the same clock state (a round open or
 * closed), not when they were built at the same instant.
 */
export function pageDigest(props: PageProps | Record<string, unknown>): string {
  const now = props.now instanceof Date ? props.now : null;
  const clock = now
    ? {
        rounds: Array.isArray(props.rounds)
          ? (props.rounds as EvaluationRound[]).map((round) => roundState(round, now))
          : undefined,
        round: props.round ? roundState(props.round as EvaluationRound, now) : undefined,
        // A training's sessions take sign-ups until they start.
        sessions: props.training
          ? (props.training as Training).sessions.map((session) => Date.parse(session.startsAt) > now.getTime())
          : undefined,
      }
    : null;
  return sha1(JSON.stringify({ ...props, now: undefined, clock }));
}

export const POST: APIRoute = async ({ request }) => {
  const registry = renderRegistry();
  if (!registry) return new Response('Not found', { status: 404 });
  const { now: at } = (await request.json()) as { now?: string };
  const now = at ? new Date(at) : new Date();
  const logs: string[] = [];
  const collections = ritmeCollections({ cmsUrl, locales: theme.locales });
  const started = Date.now();
  try {
    for (const [name, { loader }] of Object.entries(collections)) {
      registry.collections[name] ??= { entries: new Map(), meta: new Map() };
      const collection = registry.collections[name] as MemoryCollection;
      // The loaders use only the part of Astro's context built here (loaders/ritme.ts: RitmeLoaderContext).
      await loader.load(memoryContext(collection, logs, name) as unknown as Parameters<typeof loader.load>[0]);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return Response.json({ error: message, logs }, { status: 502 });
  }
  const syncMs = Date.now() - started;
  const source = memorySource(registry.collections);
  const pages = await buildPages(source, theme.locales, now);
  // The feeds (.ics, .xml) beside the pages: asked for at their route's path (`/feed.xml/`), whose file is
  // the one the path names (build-service/paths.mjs fileOf).
  const feeds = (await buildFeeds(source, theme.locales)).map((feed) => ({
    path: routePathOf(feed.path),
    props: feed.props,
  }));
  const pagesMs = Date.now() - started - syncMs;
  registry.pages = new Map<string, PageProps | FeedProps>([
    ...pages.map((page) => [page.path, page.props] as const),
    ...feeds.map((feed) => [feed.path, feed.props] as const),
  ]);
  const digests = [
    ...pages.map((page) => ({ path: page.path, digest: pageDigest(page.props) })),
    ...feeds.map((feed) => ({ path: feed.path, digest: pageDigest(feed.props) })),
  ];
  const digestMs = Date.now() - started - syncMs - pagesMs;
  // The not-found pages: one at the root, one per locale under a prefix (routes/404*.astro).
  const prefixed = theme.locales.map((locale) => paths.home(locale)).filter((home) => home !== '/');
  const notFound = [
    { path: '/404/', file: '404.html' },
    ...prefixed.map((home) => ({ path: `${home}404/`, file: `${home.slice(1)}404/index.html` })),
  ];
  return Response.json({
    pages: digests,
    notFound,
    logs,
    syncMs,
    pagesMs,
    digestMs,
  });
};
