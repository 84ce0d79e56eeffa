/** The Atom feed of every locale's new behaviours and spotlights (data/feeds.ts). */
import type { APIRoute } from 'astro';
import { feedResponse, feedStaticPaths } from './feed-route';

export const getStaticPaths = () => feedStaticPaths('.xml');
export const GET: APIRoute = (context) => feedResponse(context);
