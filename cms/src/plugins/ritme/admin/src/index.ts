/**
 * Ritme in Strapi's admin panel: a menu link to the co-design pages (the
 * inbox of feedback and suggestions, and the pilot invites), one to the
 * evaluation rounds and their results, one to the sign-ups for training sessions, the round questions field of the
 * Content Manager, and widgets on Strapi's home page of what needs
 * attention, in English and Dutch.
 */
import { Calendar, ChartPie, Discuss } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { EnumerationInput } from './content-manager/EnumerationInput';
import { mutateEditViewLayout } from './content-manager/edit-view-texts';
import { injectColumnInTable } from './content-manager/list-view-columns';
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
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/rounds`,
      icon: ChartPie,
      intlLabel: { id: 'ritme.menu.rounds', defaultMessage: 'Evaluation rounds' },
      permissions: PERMISSIONS.roundsRead,
      Component: () => import('./pages/RoundsApp'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/signups`,
      icon: Calendar,
      intlLabel: { id: 'ritme.menu.signups', defaultMessage: 'Session sign-ups' },
      permissions: PERMISSIONS.signupsRead,
      Component: () => import('./pages/SignupsApp'),
    });
    app.customFields.register({
      name: 'round-questions',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: 'ritme.questions.field.label', defaultMessage: 'Round questions' },
      intlDescription: {
        id: 'ritme.questions.field.description',
        defaultMessage: 'An ordered list of questions, with a label in every language.',
      },
      components: { Input: () => import('./components/RoundQuestionsInput') as never },
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Ritme' });
    registerWidgets(app);
    // Readable choices for Ritme's enumerations; every other enumeration renders as Strapi's own.
    app.addFields({ type: 'enumeration', Component: EnumerationInput as never });
  },

  bootstrap(app: StrapiApp) {
    // The Content Manager's texts in the admin's language (it creates these hooks in its register()).
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', mutateEditViewLayout);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', injectColumnInTable);
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
