/**
 * Preview links open once, whichever preview server process a link reaches:
 * before a link opens a session, its one-time id is claimed in Strapi (the
 * plugin stores used ids in a unique column until the link would have expired
 * anyway). A second use, on this process or any other, is refused.
 */
import type { PreviewConfig } from './config';

/** 'claimed' the first time a link id is used; 'used' for every later use. Throws when Strapi cannot say. */
export async function claimLink(config: PreviewConfig, id: string, expiresAt: number): Promise<'claimed' | 'used'> {
  const response = await fetch(`${config.cmsUrl}/api/ritme/preview-link-uses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ data: { id, expiresAt: new Date(expiresAt).toISOString() } }),
  });
  if (response.status === 201) return 'claimed';
  if (response.status === 409) return 'used';
  throw new Error(`Strapi answered ${response.status} when claiming a preview link.`);
}
