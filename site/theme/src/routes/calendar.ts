/** The calendar feed (.ics) of every training and every group, beside its page (data/feeds.ts). */
import type { APIRoute } from 'astro';
import { feedResponse, feedStaticPaths } from './feed-route';

export const getStaticPaths = () => feedStaticPaths('.ics');
export const GET: APIRoute = (context) => feedResponse(context);
