/**
 * What the two feed endpoints share (calendar.ts: `/[...dir]/[file].ics`,
 * feed.ts: `/[...dir]/[file].xml`): their static paths, from the same content
 * as the pages, and their answer. The static build renders them from
 * getStaticPaths; the build service's renderer from the feeds of its last plan
 * (render/). The preview server has no feeds (they 404 there): pilots preview
 * pages, and a feed of drafts would reach calendar apps and feed readers.
 */
import type { APIContext } from 'astro';
import { theme } from '../config';
import { collectionSource } from '../data/content';
import { buildFeeds, type FeedProps, feedBody, feedParams } from '../data/feeds';

export async function feedStaticPaths(extension: '.ics' | '.xml') {
  const feeds = await buildFeeds(collectionSource, theme.locales);
  return feeds
    .filter((feed) => feed.path.endsWith(extension))
    .map((feed) => ({ params: feedParams(feed.path), props: feed.props }));
}

export function feedResponse(context: APIContext): Response {
  const rendered = context.locals.ritmeRender;
  const props = (rendered ? rendered.resolve(context.url.pathname) : context.props) as FeedProps | null;
  if (!props || (props.kind !== 'calendar' && props.kind !== 'atom')) return new Response('Not found', { status: 404 });
  const { body, type } = feedBody(props, context.site);
  return new Response(body, { headers: { 'content-type': type } });
}
