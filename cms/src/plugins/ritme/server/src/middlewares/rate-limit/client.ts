/**
 * Who a request is counted against. Public routes: the address Koa sees (behind
 * a proxy, see config/server). The preview server's routes: the address of the
 * browser behind the preview server, which sends it in X-Ritme-Client — trusted
 * only there, and only from a caller that authenticated with an API token,
 * because only such a caller can be the preview server. Addresses are stored as
 * keyed hashes only, so no IP address is written to any store; IPv6 addresses
 * count per /64 network, the block one subscriber usually has.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { PREVIEW_CLIENT_HEADER } from '@ritme/shared';
import type { Core } from '@strapi/strapi';

/** Sent by the preview server with the address of the browser it serves (@ritme/astro-theme: src/preview/invites.ts). */
export const CLIENT_HEADER = PREVIEW_CLIENT_HEADER;

/** Strapi's auth strategy for content-API tokens ('api-token' before Strapi 5.x renamed it). */
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export interface ClientContext {
  request: { ip: string; headers: Record<string, string | string[] | undefined> };
  state: { auth?: { strategy?: { name?: string } } };
}

/** IPv4-mapped IPv6 as plain IPv4; IPv6 cut to its /64 network; anything else as it is. */
export function addressKey(address: string): string {
  const plain = address
    .trim()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
    .replace(/%.*$/, '');
  if (isIP(plain) !== 6) return plain;
  const [head = '', tail] = plain.toLowerCase().split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  // An embedded IPv4 tail (64:ff9b::1.2.3.4) is two groups; it is past the /64 anyway.
  const size = (list: string[]) => list.reduce((n, group) => n + (group.includes('.') ? 2 : 1), 0);
  const full = tail === undefined ? left : [...left, ...Array(8 - size(left) - size(right)).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function clientKeys(strapi: Core.Strapi) {
  // Keyed with the app's keys, which every instance shares, so all of them name a client alike.
  const keys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
  const secret = keys.length > 0 ? keys.join(',') : randomBytes(32).toString('hex');
  const hash = (value: string) =>
    createHmac('sha256', secret).update(`ritme-rate-limit:${value}`).digest('base64url').slice(0, 32);
  let warned = false;

  return {
    /** The key of the client behind this request; `fromPreviewServer` on the preview server's routes only. */
    address(ctx: ClientContext, fromPreviewServer: boolean): string {
      let address = ctx.request.ip;
      if (fromPreviewServer && API_TOKEN_STRATEGIES.has(ctx.state.auth?.strategy?.name ?? '')) {
        const sent = ctx.request.headers[CLIENT_HEADER];
        const reported = (Array.isArray(sent) ? sent[0] : sent)?.trim() ?? '';
        if (isIP(reported)) address = reported;
        else if (!warned) {
          warned = true;
          strapi.log.warn(
            `ritme: the preview server sent no valid ${CLIENT_HEADER} header, so every pilot behind it counts as one client (${address}). Start it with ritme-preview-server (see the README).`,
          );
        }
      }
      return `address:${hash(addressKey(address))}`;
    },
    invite: (documentId: string) => `invite:${documentId}`,
  };
}
