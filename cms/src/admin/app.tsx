/**
 * Strapi's admin panel for the demo: Dutch next to English (the ritme plugin
 * ships both), and no developer tour for the comms editors who work here.
 *
 * `tutorials: false` is Strapi's documented switch for its tutorials. In
 * Strapi 5.54 the guided tour on the home page no longer reads it: the tour
 * keeps its own state in the browser (localStorage `STRAPI_GUIDED_TOUR`, the
 * same as "Skip the tour"), so bootstrap, which runs before the panel
 * renders, turns it off there — keeping whatever else the browser stored.
 */
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';

function skipGuidedTour() {
  let stored: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(window.localStorage.getItem(GUIDED_TOUR_KEY) ?? '{}');
    if (parsed && typeof parsed === 'object') stored = parsed;
  } catch {
    // Unreadable: start from nothing; Strapi fills in the tours it knows.
  }
  window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ ...stored, enabled: false }));
}

export default {
  config: { locales: ['nl'], tutorials: false },
  bootstrap() {
    skipGuidedTour();
  },
};
