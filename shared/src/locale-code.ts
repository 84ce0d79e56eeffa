/** A locale code as Strapi's i18n spells it, checked: kept apart from enums.ts so that file needs no zod. */
import { z } from 'zod';

export const LocaleCode = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { message: 'a locale code such as nl, en, de or fr-BE' });
