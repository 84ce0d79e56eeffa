/** The theme's own hydration directive (integration/intent-directive.mjs). */
declare module 'astro' {
  interface AstroClientDirectives {
    'client:intent'?: boolean;
  }
}

export {};
