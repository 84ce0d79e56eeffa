/**
 * The admin's sign-up pages: the sessions with their counts, one session's
 * sign-ups, and that list as a CSV file (for a spreadsheet or a badge printer).
 * Names and addresses were typed by employees: in the CSV a cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) is quoted as text.
 */
import { AdminRoundQuerySchema, type AdminSignup, DEFAULT_LOCALE } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import { type HttpContext, idParam, parseQuery } from '../validation/request';

const HEADERS = {
  nl: ['Naam', 'E-mail', 'Status', 'Plaats op wachtlijst', 'Aangemeld op', 'Bevestigd op', 'Geannuleerd op', 'Taal'],
  en: ['Name', 'E-mail', 'Status', 'Waiting list place', 'Signed up at', 'Confirmed at', 'Cancelled at', 'Language'],
} as const;
const STATUS = {
  nl: { confirmed: 'bevestigd', waiting: 'wachtlijst', cancelled: 'geannuleerd' },
  en: { confirmed: 'confirmed', waiting: 'waiting', cancelled: 'cancelled' },
} as const;

export function signupsCsv(signups: AdminSignup[], locale: string): string {
  const language = locale === 'nl' ? 'nl' : 'en';
  return stringify(
    signups.map((signup) => [
      signup.name,
      signup.email,
      STATUS[language][signup.status],
      signup.position ?? '',
      signup.signedUpAt,
      signup.confirmedAt ?? '',
      signup.cancelledAt ?? '',
      signup.locale,
    ]),
    { header: true, columns: [...HEADERS[language]], escape_formulas: true, bom: true, record_delimiter: 'windows' },
  );
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('ritme').service('signups');

  return {
    async list(ctx: HttpContext) {
      const query = parseQuery(ctx, AdminRoundQuerySchema);
      if (!query) return;
      ctx.body = { data: await service().sessionsForAdmin(query.locale ?? DEFAULT_LOCALE) };
    },

    async show(ctx: HttpContext) {
      const query = parseQuery(ctx, AdminRoundQuerySchema);
      const id = query && idParam(ctx);
      if (!query || !id) return;
      const found = await service().signupsForAdmin(id, query.locale ?? DEFAULT_LOCALE);
      if (!found) return ctx.notFound(`No published training session "${id}".`);
      ctx.body = { data: found };
    },

    async csv(ctx: HttpContext) {
      const query = parseQuery(ctx, AdminRoundQuerySchema);
      const id = query && idParam(ctx);
      if (!query || !id) return;
      const locale = query.locale ?? DEFAULT_LOCALE;
      const found = await service().signupsForAdmin(id, locale);
      if (!found) return ctx.notFound(`No published training session "${id}".`);
      const day = found.session.startsAt.slice(0, 10);
      ctx.set?.('Content-Type', 'text/csv; charset=utf-8');
      ctx.set?.('Content-Disposition', `attachment; filename="signups-${day}-${id}.csv"`);
      ctx.set?.('Cache-Control', 'no-store');
      ctx.body = signupsCsv(found.signups, locale);
    },
  };
};
