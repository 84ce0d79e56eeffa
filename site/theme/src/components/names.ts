/**
 * Every component a team can replace with `ritme({ components: { Header: './src/components/Header.astro' } })`,
 * named once. Pages import them as `virtual:ritme/components/<Name>`, which
 * resolves to the team's file or to the theme's own `components/<Name>.astro`.
 * A replacement gets the same props; it can wrap the original by importing
 * `@ritme/astro-theme/components/<Name>.astro`.
 */
export const COMPONENT_NAMES = [
  'Header',
  'Footer',
  'DoInstead',
  'PersonCard',
  'SpotlightCard',
  'Sessions',
  'Empty',
] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];
