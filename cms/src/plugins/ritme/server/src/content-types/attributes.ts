/**
 * Small builders for Strapi attribute definitions, so each content type below
 * reads as a list of fields. Every field of a localized type is localized: a
 * behaviour's cadence may be shared, but its text never is.
 */
const localized = { pluginOptions: { i18n: { localized: true } } } as const;

export const text = (options: { required?: boolean; maxLength?: number; long?: boolean } = {}) => ({
  type: options.long ? 'text' : 'string',
  ...(options.required ? { required: true } : {}),
  ...(options.maxLength ? { maxLength: options.maxLength } : {}),
  ...localized,
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

export const integer = (options: { min?: number; defaultValue?: number; required?: boolean } = {}) => ({
  type: 'integer',
  ...(options.min !== undefined ? { min: options.min } : {}),
  ...(options.defaultValue !== undefined ? { default: options.defaultValue } : {}),
  ...(options.required ? { required: true } : {}),
  ...localized,
});

export const datetime = (required = false) => ({
  type: 'datetime',
  ...(required ? { required: true } : {}),
  ...localized,
});
export const date = (required = false) => ({ type: 'date', ...(required ? { required: true } : {}), ...localized });
export const json = () => ({ type: 'json', ...localized });

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
