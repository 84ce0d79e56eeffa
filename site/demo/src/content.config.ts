/** The intranet's content, loaded from the Ritme plugin at build time (CMS URL and locales from ritme() in astro.config.mjs). */
import { ritmeCollections } from '@ritme/astro-theme/loaders';

export const collections = ritmeCollections();
