/**
 * The preview server's settings, from its environment. The preview token and
 * the preview secret stay on the server: nothing here reaches the browser.
 */
import { cmsUrl } from '../config';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `The preview server needs ${name}. \`npm start\` sets it for the demo; see the README for production.`,
    );
  }
  return value;
}

export const previewConfig = () => ({
  cmsUrl,
  /** A Strapi API token with the ritme preview permissions (drafts, pilot sessions, feedback). */
  token: required('RITME_PREVIEW_TOKEN'),
  /** Signs session cookies and checks Strapi's Preview links; the same value as in Strapi. */
  secret: required('PREVIEW_SECRET'),
  /** Shown in the banner and stored with every piece of feedback. */
  build: process.env.RITME_BUILD ?? `preview-${new Date().toISOString().slice(0, 16)}`,
  /** The only origin allowed to frame preview pages and to ask them to reload. */
  cmsOrigin: new URL(process.env.CMS_PUBLIC_URL ?? cmsUrl).origin,
});
export type PreviewConfig = ReturnType<typeof previewConfig>;
