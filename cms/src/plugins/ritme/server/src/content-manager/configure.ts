/**
 * Writes the Content Manager's configuration of every Ritme type at bootstrap:
 * English labels, help and placeholders (the admin shows the admin's own
 * language over them, see admin/src/content-manager/), the edit layout, the
 * list columns, main field and sort (views.ts).
 *
 * What an admin changed by hand is never overwritten: each setting, each
 * field's text and each layout is written only while it still holds what
 * Strapi generated or exactly what the plugin wrote the last time (kept in the
 * plugin store). A field added to a type later gets its defaults on the next
 * start; a text the plugin improves reaches every field nobody retyped.
 */
import { EDITOR_TYPES, type EditorType, editorTypeOf, editorUid, fieldText } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type Row, VIEWS } from './views';

type Attribute = { type: string; target?: string; targetModel?: string };
type Model = { uid: string; attributes: Record<string, Attribute> };
type Slot = { name: string; size: number };
type Layout = Slot[][];
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { edit: Layout; list: string[] } & Record<string, unknown>;
}

/** One field's texts as the plugin writes them. */
interface FieldWrite {
  label: string;
  description: string;
  placeholder: string;
  /** For a relation to another Ritme type: what the picker shows of the related entry. */
  mainField?: string;
}
/** What the plugin wrote for one type: the baseline that tells a hand change from an untouched default. */
export interface Written {
  settings: { mainField: string; defaultSortBy: string; defaultSortOrder: string };
  fields: Record<string, FieldWrite>;
  edit: Layout;
  list: string[];
}

const STORE_KEY = 'content-manager-views';
const NON_LISTABLE = ['json', 'password', 'richtext', 'dynamiczone', 'blocks'];
const MAX_ROW = 12;

const contentManager = (strapi: Core.Strapi) => strapi.plugin('content-manager');
/** A type as the Content Manager sees it (with id, documentId and the timestamps among its attributes). */
const modelOf = (strapi: Core.Strapi, uid: string | undefined): Model | undefined =>
  uid ? contentManager(strapi).service('content-types').findContentType(uid) : undefined;
const targetOf = (attribute: Attribute | undefined) => attribute?.target ?? attribute?.targetModel;
const sizeOf = (strapi: Core.Strapi, type: string): { default: number; isResizable: boolean } =>
  contentManager(strapi).service('field-sizes').getFieldSize(type);

/** Strapi's own main field for a model it has not been told about: its first string field. */
const strapiMainField = (model: Model) =>
  Object.keys(model.attributes).find((name) => name !== 'id' && model.attributes[name]?.type === 'string') ?? 'id';

/** Strapi's edit form packs fields into rows of 12 in the order given. */
function pack(slots: Slot[]): Layout {
  const rows: Layout = [[]];
  for (const slot of slots) {
    const row = rows[rows.length - 1] as Slot[];
    if (row.reduce((sum, s) => sum + s.size, 0) + slot.size > MAX_ROW) rows.push([slot]);
    else row.push(slot);
  }
  return rows.filter((row) => row.length > 0);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a layout is still the one the plugin wrote, give or take what Strapi's own sync does
 * at start-up: fields added to the type are appended, fields removed from it are dropped.
 * Anything else — a field moved, resized or taken out — is an admin's hand.
 */
function stillWritten(current: Layout, last: Layout, model: Model): boolean {
  const lastNames = new Set(last.flat().map((slot) => slot.name));
  const keep = (layout: Layout, shown: (name: string) => boolean) =>
    layout.map((row) => row.filter((slot) => shown(slot.name))).filter((row) => row.length > 0);
  return same(
    keep(current, (name) => lastNames.has(name)),
    keep(last, (name) => model.attributes[name] !== undefined),
  );
}

/** Whether the edit layout is the one Strapi generates: the schema's order, each field its type's size. */
function isStrapiEdit(strapi: Core.Strapi, layout: Layout, model: Model): boolean {
  const order = Object.keys(model.attributes);
  const slots = layout.flat();
  const inOrder = slots.every(
    (slot, i) => i === 0 || order.indexOf(slot.name) > order.indexOf(slots[i - 1]?.name ?? ''),
  );
  const defaultSizes = slots.every((slot) => {
    const attribute = model.attributes[slot.name];
    return attribute !== undefined && slot.size === sizeOf(strapi, attribute.type).default;
  });
  return inOrder && defaultSizes && same(layout, pack(slots));
}

const listable = (model: Model, name: string) => {
  const attribute = model.attributes[name];
  return attribute !== undefined && !NON_LISTABLE.includes(attribute.type);
};
/** Strapi's generated list: the first four listable fields. */
const strapiList = (model: Model) =>
  Object.keys(model.attributes)
    .filter((name) => name !== 'documentId' && listable(model, name))
    .slice(0, 4);

/** The plugin's edit layout for the fields Strapi shows in the form; fields the plan does not name come last. */
function plannedEdit(strapi: Core.Strapi, plan: Row[], model: Model, current: Layout): Layout {
  const shown = current.flat();
  const shownNames = new Set(shown.map((slot) => slot.name));
  const sized = ([name, size]: [string, number]): Slot => {
    const fixed = sizeOf(strapi, model.attributes[name]?.type ?? 'string');
    return { name, size: fixed.isResizable ? Math.min(size, MAX_ROW) : fixed.default };
  };
  const rows = plan
    .map((row) => row.filter(([name]) => shownNames.has(name)).map(sized))
    .filter((row) => row.length > 0);
  const planned = new Set(rows.flat().map((slot) => slot.name));
  const rest = shown.filter((slot) => !planned.has(slot.name));
  return [...rows.flatMap((row) => pack(row)), ...pack(rest)];
}

function wanted(strapi: Core.Strapi, type: EditorType, model: Model, current: Configuration): Written {
  const view = VIEWS[type];
  const fields: Record<string, FieldWrite> = {};
  for (const name of Object.keys(current.metadatas)) {
    const text = fieldText(type, name, 'en');
    if (!text) continue;
    const attribute = model.attributes[name];
    const target = editorTypeOf(targetOf(attribute));
    fields[name] = {
      label: text.label,
      description: text.hint ?? '',
      placeholder: text.placeholder ?? '',
      ...(target ? { mainField: VIEWS[target].mainField } : {}),
    };
  }
  const mainField = model.attributes[view.mainField] ? view.mainField : strapiMainField(model);
  return {
    settings: {
      mainField,
      defaultSortBy: model.attributes[view.sortBy] ? view.sortBy : mainField,
      defaultSortOrder: view.sortOrder,
    },
    fields,
    edit: plannedEdit(strapi, view.edit, model, current.layouts.edit),
    list: view.list.filter((name) => listable(model, name)),
  };
}

/** The configuration with the plugin's values wherever nobody changed Strapi's or the plugin's own. */
function merged(
  strapi: Core.Strapi,
  model: Model,
  current: Configuration,
  next: Written,
  last: Written | undefined,
): Configuration {
  const untouched = (value: unknown, before: unknown, strapiDefault: unknown) =>
    value === undefined || value === before || value === strapiDefault;

  const settings = { ...current.settings };
  const strapiMain = strapiMainField(model);
  const strapiSettings = { mainField: strapiMain, defaultSortBy: strapiMain, defaultSortOrder: 'ASC' };
  for (const key of Object.keys(next.settings) as Array<keyof Written['settings']>) {
    if (untouched(settings[key], last?.settings[key], strapiSettings[key])) settings[key] = next.settings[key];
  }

  const metadatas = { ...current.metadatas };
  for (const [name, field] of Object.entries(next.fields)) {
    const meta = metadatas[name];
    if (!meta) continue;
    const before = last?.fields[name];
    const edit = { ...meta.edit };
    const list = { ...meta.list };
    if (untouched(edit.label, before?.label, name)) edit.label = field.label;
    if (untouched(list.label, before?.label, name)) list.label = field.label;
    if (untouched(edit.description, before?.description, '')) edit.description = field.description;
    if (untouched(edit.placeholder, before?.placeholder, '')) edit.placeholder = field.placeholder;
    if (field.mainField) {
      const target = modelOf(strapi, targetOf(model.attributes[name]));
      const strapiTarget = target ? strapiMainField(target) : 'id';
      if (untouched(edit.mainField, before?.mainField, strapiTarget)) edit.mainField = field.mainField;
    }
    metadatas[name] = { edit, list };
  }

  const layouts = { ...current.layouts };
  if (
    (last && stillWritten(current.layouts.edit, last.edit, model)) ||
    isStrapiEdit(strapi, current.layouts.edit, model)
  ) {
    layouts.edit = next.edit;
  }
  const list = current.layouts.list;
  const asLayout = (names: string[]): Layout => [names.map((name) => ({ name, size: 0 }))];
  if ((last && stillWritten(asLayout(list), asLayout(last.list), model)) || same(list, strapiList(model))) {
    layouts.list = next.list;
  }
  return { settings, metadatas, layouts };
}

/**
 * Labels and layouts help editors but are no reason to keep Strapi from starting: a failure is
 * logged with what to do, and the Content Manager shows Strapi's own defaults meanwhile.
 */
export async function configureContentManager(strapi: Core.Strapi): Promise<void> {
  if (!strapi.plugin('content-manager')) return;
  try {
    await writeViews(strapi);
  } catch (error) {
    strapi.log.warn(
      `ritme: could not set up the Content Manager's labels and layouts (${(error as Error).message}); ` +
        "editors see Strapi's defaults until the next start. Check the database connection, then restart Strapi.",
    );
  }
}

async function writeViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'ritme' });
  const written = ((await store.get({ key: STORE_KEY })) ?? {}) as Record<string, Written>;
  const service = contentManager(strapi).service('content-types');
  const nowWritten: Record<string, Written> = {};

  for (const type of EDITOR_TYPES) {
    const uid = editorUid(type);
    const model = modelOf(strapi, uid);
    if (!model) continue;
    const current = (await service.findConfiguration(model)) as Configuration;
    const next = wanted(strapi, type, model, current);
    const configuration = merged(strapi, model, current, next, written[uid]);
    const { settings, metadatas, layouts } = current;
    if (!same({ settings, metadatas, layouts }, configuration)) {
      await service.updateConfiguration(model, configuration);
    }
    nowWritten[uid] = next;
  }
  if (!same(written, nowWritten)) await store.set({ key: STORE_KEY, value: nowWritten });
}
