/**
 * Seats an editor adds to a published session go to the people waiting: after
 * a training session is published (which is when its seats change for the
 * intranet), the first ones on its waiting list are confirmed and e-mailed.
 * Runs after the save has answered: the editor never waits for the mails.
 */
import type { Core } from '@strapi/strapi';
import type { DocumentContext } from './slugs';

const SESSION = 'plugin::ritme.training-session';

export const seatsMiddleware =
  (strapi: Core.Strapi) => async (context: DocumentContext, next: () => Promise<unknown>) => {
    const result = await next();
    if (context.uid !== SESSION || context.action !== 'publish') return result;
    const documentId = (context.params as { documentId?: unknown }).documentId;
    if (typeof documentId === 'string') {
      setImmediate(() => {
        strapi
          .plugin('ritme')
          .service('signups')
          .fillSeats(documentId)
          .catch((error: Error) =>
            strapi.log.error(`ritme: the waiting list of session ${documentId} could not move up: ${error.message}`),
          );
      });
    }
    return result;
  };
