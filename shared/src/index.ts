/** @ritme/shared — Ritme's one domain model. */
export * from './client';
export * from './content';
export * from './enums';
export * from './focus';
export * from './query';
export * from './rounds';
export * from './submissions';
export * from './text';
