/** The modules the ritme() integration serves to the theme's pages (integration/virtual-modules.ts). */
declare module 'virtual:ritme/config' {
  const config: import('./config/schema').RitmeConfig;
  export default config;
}
declare module 'virtual:ritme/components/Header' {
  const component: typeof import('./components/Header.astro').default;
  export default component;
}
declare module 'virtual:ritme/components/Footer' {
  const component: typeof import('./components/Footer.astro').default;
  export default component;
}
declare module 'virtual:ritme/components/DoInstead' {
  const component: typeof import('./components/DoInstead.astro').default;
  export default component;
}
declare module 'virtual:ritme/components/PersonCard' {
  const component: typeof import('./components/PersonCard.astro').default;
  export default component;
}
declare module 'virtual:ritme/components/SpotlightCard' {
  const component: typeof import('./components/SpotlightCard.astro').default;
  export default component;
}
declare module 'virtual:ritme/components/Sessions' {
  const component: typeof import('./components/Sessions.astro').default;
  export default component;
}
declare module 'virtual:ritme/components/Empty' {
  const component: typeof import('./components/Empty.astro').default;
  export default component;
}
declare module 'virtual:ritme/preview/chrome' {
  const component: typeof import('./preview/on/chrome.astro').default;
  export default component;
}
declare module 'virtual:ritme/preview/head' {
  const component: typeof import('./preview/on/head.astro').default;
  export default component;
}
