/**
 * Loaded by bench/strapi-server.mjs inside the benchmark's Strapi child
 * (RITME_BENCH_SETUP=<this file>), after `strapi.load()` and before it
 * listens. For bench/api-bench.mjs only: nothing here touches the app or the
 * plugin code, only this throwaway Strapi and its throwaway database.
 *
 * 1. Stock Strapi REST for Ritme's content types, which have none by default:
 *    the core routes `find` and `findOne` that `factories.createCoreRouter`
 *    would give each type, served by `factories.createCoreController` over
 *    `factories.createCoreService`, mounted under /api/stock/<pluralName>.
 *    Each route keeps the auth scope a core route of that type has
 *    (`plugin::ritme.<type>.find` / `.findOne`), so stock requests go through
 *    the same users-permissions public-role check as the plugin's routes, and
 *    the stock query and output sanitizers run as they would for any API.
 * 2. The public role gets the few extra permissions stock REST needs to show the
 *    same data as the plugin (this database only): training sessions (no public
 *    route of their own, but trainings populate them and the home page lists
 *    them) and the upload plugin's `find` (people populate their photo).
 * 3. Extra IPC commands: `db-info`, `count-rows`, `missing-ids`.
 */

/** Ritme types that get stock routes. */
const TYPES = ['group', 'behaviour', 'training', 'person', 'spotlight', 'evaluation-round', 'training-session'];
/** Actions the public role needs for stock REST that the app does not grant. */
const EXTRA_PUBLIC_ACTIONS = [
  'plugin::ritme.training-session.find',
  'plugin::ritme.training-session.findOne',
  'plugin::upload.content-api.find',
];
const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

export async function setup({ strapi, cmsRequire }) {
  const { factories } = cmsRequire('@strapi/strapi');

  // 1. Stock routes.
  const routes = [];
  for (const type of TYPES) {
    const uid = `plugin::ritme.${type}`;
    // The core controller reads through strapi.service(uid); the plugin has no service under that name.
    if (!strapi.get('services').get(uid)) strapi.get('services').set(uid, factories.createCoreService(uid));
    const controller = factories.createCoreController(uid)({ strapi });
    const router = factories.createCoreRouter(uid, { only: ['find', 'findOne'] });
    for (const route of router.routes) {
      const action = route.handler.slice(route.handler.lastIndexOf('.') + 1);
      routes.push({
        ...route,
        // A function, not the string `plugin::ritme.<type>.find`: that name is the plugin's own read controller.
        handler: (ctx) => controller[action](ctx),
        config: { ...route.config, auth: { scope: [`${uid}.${action}`] } },
      });
    }
  }
  strapi.server.routes({ type: 'content-api', prefix: '/stock', routes });

  // 2. Permissions. Content-API actions are normally registered during bootstrap only.
  const actions = strapi.contentAPI.permissions.providers.action;
  const missing = EXTRA_PUBLIC_ACTIONS.filter((action) => !actions.has(action));
  if (missing.length > 0) {
    const wasLoaded = strapi.isLoaded;
    strapi.isLoaded = false;
    try {
      for (const action of missing) {
        const [api, rest] = action.split('::');
        const parts = rest.split('.');
        await actions.register(action, {
          api: `${api}::${parts[0]}`,
          controller: parts[1],
          action: parts[2],
          uid: action,
        });
      }
    } finally {
      strapi.isLoaded = wasLoaded;
    }
  }
  const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
  for (const action of EXTRA_PUBLIC_ACTIONS) {
    const has = await strapi.db.query(PERMISSION).count({ where: { action, role: role.id } });
    if (!has) await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
  }

  // 3. Commands.
  const knex = () => strapi.db.connection;
  return {
    'db-info': async () => {
      const client = strapi.db.config.connection.client;
      if (client === 'sqlite' || client === 'better-sqlite3') {
        const rows = await knex().raw('select sqlite_version() as version');
        return { client: 'sqlite', version: `SQLite ${rows[0]?.version}` };
      }
      const result = await knex().raw('select version() as version');
      const [{ max }] = (await knex().raw('show max_connections')).rows.map((r) => ({ max: r.max_connections }));
      return {
        client: 'postgres',
        version: String(result.rows[0]?.version ?? '').split(' on ')[0],
        maxConnections: Number(max),
        pool: strapi.db.config.connection.pool,
      };
    },
    'count-rows': async ({ uid }) => strapi.db.query(uid).count({}),
    /** How many of these documentIds have no row. */
    'missing-ids': async ({ uid, ids }) => {
      const table = strapi.db.metadata.get(uid).tableName;
      const found = new Set();
      for (let start = 0; start < ids.length; start += 500) {
        const rows = await knex()(table)
          .select('document_id')
          .whereIn('document_id', ids.slice(start, start + 500));
        for (const row of rows) found.add(row.document_id);
      }
      return ids.filter((id) => !found.has(id)).length;
    },
  };
}
