/** Unit tests of the site: the loader against a stub server, components through Astro's Container API. */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: { name: 'site', include: ['tests/unit/**/*.test.ts'] },
});
