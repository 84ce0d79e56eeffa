/**
 * The theme's colours as CSS custom properties, inlined in every page's <head>.
 * One string for the layout that prints it and for astro.config.mjs, which puts
 * its hash in the Content-Security-Policy's style-src (Astro hashes only the
 * styles it bundles itself, so an inline style it does not know is blocked).
 */
import { theme } from './index';

const { colors } = theme;

export const cssVariables = `:root{--color-primary:${colors.primary};--color-accent:${colors.accent};--color-background:${colors.background};--color-surface:${colors.surface};--color-text:${colors.text};}`;
