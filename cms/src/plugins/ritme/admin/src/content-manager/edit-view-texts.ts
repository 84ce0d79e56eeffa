/**
 * The edit form in the admin's language: the plugin stores its labels, help
 * and placeholders in English (server/src/content-manager/configure.ts); this
 * hook of the Content Manager (`mutate-edit-view-layout`) shows the Dutch text
 * instead to a Dutch-speaking admin — but only where a text is still the
 * plugin's own. A text an admin typed in "Configure the view" is shown as typed.
 */
import { type EditorType, type FieldText, fieldText } from '@ritme/shared/editor-fields';
import { adminLocale, pageType } from './language';

type Field = { name: string; label?: string; hint?: string; placeholder?: string } & Record<string, unknown>;
export type EditLayout = { layout: Field[][][] } & Record<string, unknown>;

const swap = (value: string | undefined, english: string | undefined, own: string | undefined) =>
  value !== undefined && english !== undefined && own !== undefined && value === english ? own : value;

/** One field's label, help and placeholder in `own`'s language where they are still the English defaults. */
export function translated<T extends { label?: unknown }>(field: T, english: FieldText, own: FieldText): T {
  const out: Record<string, unknown> = { ...field };
  if (typeof field.label === 'string') out.label = swap(field.label, english.label, own.label);
  for (const key of ['hint', 'placeholder'] as const) {
    const value = out[key];
    if (typeof value === 'string') out[key] = swap(value, english[key], own[key]);
  }
  return out as T;
}

/** The texts of `type`'s field `name` in English and in the admin's language, when they differ. */
export function textsOf(type: EditorType | undefined, name: string): [FieldText, FieldText] | undefined {
  const locale = adminLocale();
  if (!type || locale === 'en') return undefined;
  const english = fieldText(type, name, 'en');
  const own = fieldText(type, name, locale);
  return english && own ? [english, own] : undefined;
}

export function mutateEditViewLayout<T extends { layout: EditLayout }>(args: T): T {
  const type = pageType();
  if (!type || !Array.isArray(args.layout?.layout)) return args;
  const layout = args.layout.layout.map((panel) =>
    panel.map((row) =>
      row.map((field) => {
        const texts = textsOf(type, field.name);
        return texts ? translated(field, ...texts) : field;
      }),
    ),
  );
  return { ...args, layout: { ...args.layout, layout } };
}
