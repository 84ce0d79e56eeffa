/** @ritme/shared — Ritme's one domain model. */
export * from './admin-rounds.js';
export * from './client.js';
export * from './codesign.js';
export * from './content.js';
export * from './enums.js';
export * from './focus.js';
export * from './live.js';
export * from './preview-links.js';
export * from './query.js';
export * from './round-questions.js';
export * from './rounds.js';
export * from './routes.js';
export * from './submissions.js';
export * from './sync.js';
export * from './sync-engine.js';
export * from './text.js';
export * from './urls.js';
