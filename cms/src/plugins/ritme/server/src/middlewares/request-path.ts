/**
 * Request paths as generously as any router or proxy might read them, for the
 * guards that run before Strapi's router (the JSON-only guard, the voices
 * guard): an attacker must not slip past a guard by spelling a path the guard
 * does not recognise but the router still routes.
 */
import { posix } from 'node:path';

/** Percent-decoded until it stops changing (three rounds at most); undecodable input stays as it is. */
export function decodedRepeatedly(value: string): string {
  let current = value;
  for (let i = 0; i < 3; i += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      break;
    }
    if (next === current) break;
    current = next;
  }
  return current;
}

/** A path decoded, with backslashes, repeated slashes and dot segments folded, in lower case. */
export function foldedPath(path: string): string {
  return posix.normalize(`/${decodedRepeatedly(path).replace(/\\/g, '/')}`).toLowerCase();
}
