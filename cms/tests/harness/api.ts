/** Small helpers for talking to a test Strapi over real HTTP. */
import type { Core } from '@strapi/strapi';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export async function call<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: method === 'GET' ? undefined : body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T };
}

/** A Custom API token with the plugin's `permissions` list of this name ('editor', 'preview'). */
async function createRitmeToken(strapi: Core.Strapi, list: 'editor' | 'preview'): Promise<string> {
  const lists = strapi.plugin('ritme').service('permissions') as unknown as Record<typeof list, string[]>;
  const token = await strapi.service('admin::api-token').create({
    name: `${list}-${Date.now()}-${Math.random()}`,
    description: `Ritme ${list} (tests)`,
    type: 'custom',
    kind: 'content-api',
    lifespan: null,
    permissions: lists[list],
  });
  return token.accessKey as string;
}

/** An API token with Ritme's editor permissions, as an intranet team would create in the admin. */
export const createEditorToken = (strapi: Core.Strapi) => createRitmeToken(strapi, 'editor');

/** An API token with exactly the plugin's preview permissions, as the preview server holds. */
export const createPreviewToken = (strapi: Core.Strapi) => createRitmeToken(strapi, 'preview');

/** Counts rows of a Ritme type straight from the database. */
export const countRows = (strapi: Core.Strapi, name: string, where: Record<string, unknown> = {}) =>
  strapi.db.query(`plugin::ritme.${name}` as never).count({ where });

/** Every content type of the plugin, by its short name (plugin::ritme.<name>). */
export const RITME_TYPES = [
  'group',
  'behaviour',
  'training',
  'training-session',
  'person',
  'spotlight',
  'evaluation-round',
  'evaluation-response',
  'suggestion',
] as const;
