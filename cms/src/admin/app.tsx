// Strapi's admin panel: offer Dutch next to English (the ritme plugin ships both).
export default {
  config: { locales: ['nl'] },
  bootstrap() {},
};
