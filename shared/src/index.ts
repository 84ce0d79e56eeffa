/** @ritme/shared — Ritme's one domain model. */
export * from './client';
export * from './codesign';
export * from './content';
export * from './enums';
export * from './focus';
export * from './preview-links';
export * from './query';
export * from './rounds';
export * from './routes';
export * from './submissions';
export * from './text';
export * from './urls';
