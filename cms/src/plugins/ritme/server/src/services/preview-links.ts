/**
 * Links for Strapi's Preview button: the entry's page on the preview server, in
 * its locale, draft or published, signed with the shared preview secret, valid
 * for a few minutes and good for one visit. A link is made only for an admin
 * who may read the entry in the Content Manager (an Author only for their own
 * entries), and it opens that entry's draft only: the session it starts shows
 * everything else as published. Without a secret configured, there is no preview.
 */
import { createHmac, randomBytes } from 'node:crypto';
import {
  type ContentRoute,
  type Locale,
  PREVIEW_LINK_TTL_MS,
  type PreviewLink,
  pathForEntry,
  previewLinkPayload,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents } from '../documents';
import { READ_MODELS } from '../read-models';
import { servedLocales } from './locales';

const ROUTE_OF: Record<string, ContentRoute> = Object.fromEntries(
  Object.entries(READ_MODELS).map(([route, model]) => [model.uid, route as ContentRoute]),
);

/** The request's admin permissions (`ctx.state.userAbility`), as the Content Manager checks them. */
export type AdminAbility = object;

interface PermissionChecker {
  can: { read(entity?: object): boolean };
}

type Target = { documentId: string; locale?: string | null; status?: string | null };
type PreviewOptions = { url: string; secret?: string };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * For the host's config/admin.ts, as it is:
   * `handler: (uid, target) => strapi.plugin('ritme').service('preview-links').handler(uid, target)`.
   * The Content Manager asks only that an admin is logged in ("TODO: Permissions to preview
   * content"): this reads the admin's permissions from the request and signs a link only
   * for an entry that admin may read.
   */
  async handler(uid: string, target: Target): Promise<string | null> {
    const ability = strapi.requestContext.get()?.state?.userAbility as AdminAbility | undefined;
    return this.urlFor(uid, target, ability);
  },

  async urlFor(
    uid: string,
    target: Target,
    ability: AdminAbility | undefined,
    now = Date.now(),
  ): Promise<string | null> {
    const preview = strapi.plugin('ritme').config('preview') as PreviewOptions;
    const secret = preview.secret;
    const route = ROUTE_OF[uid];
    // No admin behind the request (a script, a test calling the handler directly): no link.
    if (!secret || !route || !ability) return null;
    const served = await servedLocales(strapi);
    const locale: Locale | undefined = target.locale && served.includes(target.locale) ? target.locale : served[0];
    if (!locale) return null;
    const status = target.status === 'published' ? 'published' : 'draft';
    const doc = await documents(strapi, READ_MODELS[route].uid).findOne({
      documentId: target.documentId,
      locale,
      status,
      fields: ['slug', 'locale'],
      // Authors' rules carry the admin::is-creator condition: it is checked against createdBy.
      populate: { createdBy: { fields: ['id'] } },
    });
    if (!doc?.slug) return null;
    const checker = strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ability, model: uid }) as PermissionChecker;
    if (!checker.can.read(doc)) return null;

    const link: PreviewLink = {
      path: pathForEntry(route, locale, String(doc.slug)),
      status,
      route,
      documentId: target.documentId,
      locale,
      id: randomBytes(16).toString('base64url'),
      exp: now + PREVIEW_LINK_TTL_MS,
    };
    const sig = createHmac('sha256', secret).update(previewLinkPayload(link)).digest('base64url');
    const base = String(preview.url).replace(/\/+$/, '');
    const query = new URLSearchParams({
      path: link.path,
      status,
      route,
      document: link.documentId,
      locale,
      id: link.id,
      exp: String(link.exp),
      sig,
    });
    return `${base}/preview-entry/?${query}`;
  },
});
