/**
 * Small builders for Strapi attribute definitions, so each content type below
 * reads as a list of fields. Fields of a localized type are localized unless
 * built with `shared: true`: a value that belongs to the thing itself (a round's
 * dates, a session's seats, a person's name) is one value in every language,
 * so no language can disagree with another about it. Strapi's i18n plugin
 * copies shared fields to the other locales on every save and publish.
 */
type Sharing = { shared?: boolean };
const i18nOf = (options: Sharing = {}) => ({ pluginOptions: { i18n: { localized: !options.shared } } }) as const;
const localized = i18nOf();

export const text = (options: { required?: boolean; maxLength?: number; long?: boolean } & Sharing = {}) => ({
  type: options.long ? 'text' : 'string',
  ...(options.required ? { required: true } : {}),
  ...(options.maxLength ? { maxLength: options.maxLength } : {}),
  ...i18nOf(options),
});

export const markdown = () => ({ type: 'richtext', ...localized });

/** Filled by the plugin's slug middleware when left empty (the Document Service does not fill uid fields). */
export const slugOf = (targetField: string) => ({ type: 'uid', targetField, ...localized });

export const enumeration = (values: readonly string[], defaultValue?: string) => ({
  type: 'enumeration',
  enum: [...values],
  required: true,
  ...(defaultValue ? { default: defaultValue } : {}),
  ...localized,
});

export const integer = (options: { min?: number; defaultValue?: number; required?: boolean } & Sharing = {}) => ({
  type: 'integer',
  ...(options.min !== undefined ? { min: options.min } : {}),
  ...(options.defaultValue !== undefined ? { default: options.defaultValue } : {}),
  ...(options.required ? { required: true } : {}),
  ...i18nOf(options),
});

export const datetime = (required = false, sharing: Sharing = {}) => ({
  type: 'datetime',
  ...(required ? { required: true } : {}),
  ...i18nOf(sharing),
});
export const date = (required = false) => ({ type: 'date', ...(required ? { required: true } : {}), ...localized });
export const json = () => ({ type: 'json', ...localized });

/** The plugin's custom field for a round's questions (registered in register.ts): one list for every language. */
export const ROUND_QUESTIONS_FIELD = 'round-questions';
export const roundQuestions = () => ({
  type: 'customField',
  customField: `plugin::ritme.${ROUND_QUESTIONS_FIELD}`,
  ...i18nOf({ shared: true }),
});

type Relation = 'manyToMany' | 'manyToOne' | 'oneToMany';
export const relation = (kind: Relation, target: string, side: { inversedBy: string } | { mappedBy: string }) => ({
  type: 'relation',
  relation: kind,
  target: `plugin::ritme.${target}`,
  ...side,
});

/** The part every Ritme content type has in common. */
export const collectionType = (
  singularName: string,
  pluralName: string,
  displayName: string,
  description: string,
  options: { localized: boolean; draftAndPublish: boolean },
) => ({
  kind: 'collectionType',
  collectionName: `ritme_${pluralName.replace(/-/g, '_')}`,
  info: { singularName, pluralName, displayName, description },
  options: { draftAndPublish: options.draftAndPublish },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
    ...(options.localized ? { i18n: { localized: true } } : {}),
  },
});
