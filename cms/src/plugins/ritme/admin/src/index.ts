/**
 * Ritme in Strapi's admin panel: one menu link to the co-design pages (the
 * inbox of feedback and suggestions, and the pilot invites), widgets on
 * Strapi's home page of what needs attention, in English and Dutch.
 */
import { Discuss } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS, PLUGIN_ID } from './pluginId';
import { registerWidgets } from './widgets';

type Translations = Record<string, string>;

const loaders: Record<string, () => Promise<{ default: Translations }>> = {
  en: () => import('./translations/en.json'),
  nl: () => import('./translations/nl.json'),
};

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Discuss,
      intlLabel: { id: 'ritme.menu.codesign', defaultMessage: 'Co-design inbox' },
      permissions: PERMISSIONS.inboxRead,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Ritme' });
    registerWidgets(app);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = loaders[locale];
        // The keys in the files already carry the "ritme." prefix.
        return { locale, data: load ? (await load()).default : {} };
      }),
    );
  },
};
