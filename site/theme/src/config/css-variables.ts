/**
 * The theme's colours as CSS custom properties, inlined in every page's <head>.
 * One function for the layout that prints it and for the integration, which
 * puts its hash in the Content-Security-Policy's style-src (Astro hashes only
 * the styles it bundles itself, so an inline style it does not know is blocked).
 */
import type { Colours } from './schema';

export const cssVariablesOf = (colours: Colours) =>
  `:root{--color-primary:${colours.primary};--color-accent:${colours.accent};--color-background:${colours.background};--color-surface:${colours.surface};--color-text:${colours.text};}`;
