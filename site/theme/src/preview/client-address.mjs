// @ts-check
/**
 * The address of the browser behind a request to the preview server. Astro's
 * `clientAddress` is the first X-Forwarded-For value, which any client can
 * write; server.mjs replaces that header with what this module decides:
 *
 * - the address at the other end of the connection, or
 * - only when that peer is one of RITME_TRUSTED_PROXIES: the right-most
 *   X-Forwarded-For entry that is not a trusted proxy (each proxy appends the
 *   address it saw, so everything left of that is the client's own say-so).
 *
 * Plain JavaScript because server.mjs runs it before (and outside) the Astro build.
 */
import { BlockList, isIP } from 'node:net';

/** '::ffff:192.0.2.1' → '192.0.2.1'; '192.0.2.1:443' and '[2001:db8::1]:443' lose the port; a zone id goes. */
export function plainAddress(/** @type {string} */ value) {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  return address.replace(/%.*$/, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/**
 * RITME_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges of the proxies
 * in front of the preview server ("10.0.0.5, 10.1.0.0/16, fd00::/8"). Unset or
 * empty: none, X-Forwarded-For is ignored.
 * @param {string | undefined} setting
 * @returns {BlockList | null}
 */
export function trustedProxies(setting) {
  const entries = (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = Number(bits);
    const valid =
      family !== 0 &&
      extra === undefined &&
      (bits === undefined || (/^\d+$/.test(bits) && prefix <= (family === 4 ? 32 : 128)));
    if (!valid) {
      throw new Error(
        `RITME_TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range. Give the proxies in front of the preview server as e.g. "10.0.0.5,10.1.0.0/16", or leave it unset.`,
      );
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

/** @param {BlockList} list @param {string} address */
const isTrusted = (list, address) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/**
 * @param {string | undefined} peer the connection's remote address
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s) as received
 * @param {BlockList | null} trusted from trustedProxies()
 * @returns {string}
 */
export function clientAddress(peer, forwardedFor, trusted) {
  const direct = plainAddress(peer ?? '');
  if (!trusted || !isTrusted(trusted, direct)) return direct;
  const hops = [forwardedFor ?? []].flat().join(',').split(',').map(plainAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = /** @type {string} */ (hops[i]);
    // A trusted proxy writes an address; anything else there means it wrote nothing we can use.
    if (!isIP(hop)) return direct;
    if (!isTrusted(trusted, hop)) return hop;
  }
  // Every hop is a trusted proxy (a request from inside): the first one.
  return hops[0] ?? direct;
}

const CHECKED = Symbol.for('ritme.preview.client-address-checked');

/** Called by server.mjs: from now on, X-Forwarded-For (so Astro's clientAddress) is the address decided here. */
export function markClientAddressChecked() {
  Reflect.set(globalThis, CHECKED, true);
}

let warned = false;

/**
 * The browser's address for a request the Astro app handles (Astro's clientAddress,
 * made trustworthy by server.mjs). Started some other way (`astro dev`, the bare
 * entry.mjs), that address is the client's own say-so: it says so once.
 * @param {{ clientAddress: string }} context an Astro API context
 * @returns {string}
 */
export function clientOf(context) {
  if (!warned && Reflect.get(globalThis, CHECKED) !== true) {
    warned = true;
    console.warn(
      'ritme preview: not started with src/preview/server.mjs, so client addresses come from X-Forwarded-For unchecked and the log-in limit can be dodged. Start it with `node src/preview/server.mjs` (see the README).',
    );
  }
  try {
    return context.clientAddress || 'unknown';
  } catch {
    // The connection was already gone: Astro has no address to give.
    return 'unknown';
  }
}
