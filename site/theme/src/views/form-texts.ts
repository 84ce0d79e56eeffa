/** The texts both form islands get, taken from the page's language. */
import type { Strings } from '../i18n/strings';

export const formTexts = (s: Strings, thanks: { thanksTitle: string; thanksBody: string }) => ({
  sending: s.form.sending,
  fixErrors: s.form.fixErrors,
  cmsDown: s.form.cmsDown,
  serverError: s.form.serverError,
  tooMany: s.form.tooMany,
  honeypot: s.form.honeypot,
  characters: s.form.characters,
  required: s.form.errorRequired,
  tooLong: s.form.errorTooLong,
  invalid: s.form.errorInvalid,
  ...thanks,
});
