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

/** An API token with Ritme's editor permissions, as an intranet team would create in the admin. */
export async function createEditorToken(strapi: Core.Strapi): Promise<string> {
  const { editor } = strapi.plugin('ritme').service('permissions') as unknown as { editor: string[] };
  const token = await strapi.service('admin::api-token').create({
    name: `editor-${Date.now()}-${Math.random()}`,
    description: 'Ritme editor (tests)',
    type: 'custom',
    kind: 'content-api',
    lifespan: null,
    permissions: editor,
  });
  return token.accessKey as string;
}

/** An API token with exactly the plugin's preview permissions, as the preview server holds. */
export async function createPreviewToken(strapi: Core.Strapi): Promise<string> {
  const { preview } = strapi.plugin('ritme').service('permissions') as unknown as { preview: string[] };
  const token = await strapi.service('admin::api-token').create({
    name: `preview-${Date.now()}-${Math.random()}`,
    type: 'custom',
    kind: 'content-api',
    lifespan: null,
    permissions: preview,
  });
  return token.accessKey as string;
}

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
