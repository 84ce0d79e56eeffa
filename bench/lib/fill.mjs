// Filling a bench Strapi (strapi-child.mjs) with N entries per locale, and checking it is as planned.
import { int, log } from './format.mjs';

export const ROUTES = ['groups', 'behaviours', 'trainings', 'people', 'spotlights', 'evaluation-rounds'];
const ROUTE_TYPE = {
  groups: 'group',
  behaviours: 'behaviour',
  trainings: 'training',
  people: 'person',
  spotlights: 'spotlight',
  'evaluation-rounds': 'evaluation-round',
};

export async function getJson(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.json();
}

/**
 * `populate`, then `verify` the stored rows, then check every route's total in both locales.
 * @returns {Promise<{ populated: any, verified: any, totals: Record<string, number> }>}
 */
export async function fillStrapi({ strapi, strapiUrl, n, method, budgetSeconds }) {
  log(`N=${int(n)}: populating (${method}, budget ${budgetSeconds} s for the Document Service)`);
  const populated = await strapi.call('populate', { n, method, budgetSeconds }, 90 * 60_000);
  log(
    `N=${int(n)}: populated in ${populated.seconds} s (${populated.method}: Document Service ${populated.documentService.documents} docs at ${populated.documentService.msPerDocument ?? '–'} ms/doc, bulk ${populated.bulk.documents} docs)`,
  );
  const verified = await strapi.call('verify', {}, 10 * 60_000);
  if (!verified.ok) throw new Error(`The stored rows are not as Strapi keeps them: ${verified.problems.join('; ')}`);
  const totals = {};
  for (const route of ROUTES) {
    for (const locale of ['nl', 'en']) {
      const body = await getJson(`${strapiUrl}/api/ritme/${route}?locale=${locale}&pageSize=1`);
      totals[`${route} ${locale}`] = body.meta.pagination.total;
      const expected = populated.counts[ROUTE_TYPE[route]];
      if (body.meta.pagination.total !== expected) {
        throw new Error(
          `/api/ritme/${route}?locale=${locale} reports ${body.meta.pagination.total} entries, expected ${expected}`,
        );
      }
    }
  }
  log(`N=${int(n)}: verified; /api/ritme/behaviours?locale=en total = ${totals['behaviours en']}`);
  return { populated, verified, totals };
}
