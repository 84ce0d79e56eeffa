/**
 * Ritme's widgets on Strapi's home page (Strapi 5's homepage widget API):
 * what needs the comms team's attention. Strapi shows each only to an admin
 * holding every permission listed; the server checks them again per part.
 * A widget whose links open the co-design page also asks for inbox.read, which
 * that page needs.
 */
import { Calendar, ChartPie, Discuss, Pencil, User } from '@strapi/icons';
import type { StrapiApp, WidgetArgs } from '@strapi/strapi/admin';
import { PERMISSIONS, PLUGIN_ID } from '../pluginId';

const CONTENT_READ = 'plugin::content-manager.explorer.read';

export const widgets: WidgetArgs[] = [
  {
    id: 'voices',
    pluginId: PLUGIN_ID,
    icon: Discuss,
    title: { id: 'ritme.home.voices.title', defaultMessage: 'New from colleagues and pilots' },
    link: { label: { id: 'ritme.home.voices.link', defaultMessage: 'Open the inbox' }, href: `/plugins/${PLUGIN_ID}` },
    component: async () => (await import('./VoicesWidget')).VoicesWidget,
    permissions: PERMISSIONS.inboxRead,
  },
  {
    id: 'rounds',
    pluginId: PLUGIN_ID,
    icon: Calendar,
    title: { id: 'ritme.home.rounds.title', defaultMessage: 'Evaluation rounds' },
    component: async () => (await import('./RoundsWidget')).RoundsWidget,
    permissions: [{ action: CONTENT_READ, subject: 'plugin::ritme.evaluation-round' }],
  },
  {
    id: 'drafts',
    pluginId: PLUGIN_ID,
    icon: Pencil,
    title: { id: 'ritme.home.drafts.title', defaultMessage: 'Drafts waiting' },
    component: async () => (await import('./DraftsWidget')).DraftsWidget,
    // Any type: the widget lists the Ritme types this admin may read, and says so when there are none.
    permissions: [{ action: CONTENT_READ }],
  },
  {
    id: 'pilots',
    pluginId: PLUGIN_ID,
    icon: User,
    title: { id: 'ritme.home.pilots.title', defaultMessage: 'Pilots' },
    link: {
      label: { id: 'ritme.home.pilots.link', defaultMessage: 'Manage pilots' },
      href: `/plugins/${PLUGIN_ID}/pilots`,
    },
    component: async () => (await import('./PilotsWidget')).PilotsWidget,
    permissions: [...PERMISSIONS.invitesManage, ...PERMISSIONS.inboxRead],
  },
  {
    id: 'build',
    pluginId: PLUGIN_ID,
    icon: ChartPie,
    title: { id: 'ritme.home.build.title', defaultMessage: 'The intranet now' },
    component: async () => (await import('./BuildWidget')).BuildWidget,
    permissions: [...PERMISSIONS.buildRead, ...PERMISSIONS.inboxRead],
  },
];

/** Ritme's widgets first: the home page is the comms team's. */
export function registerWidgets(app: StrapiApp) {
  app.widgets.register((existing) => [...widgets, ...existing]);
}
