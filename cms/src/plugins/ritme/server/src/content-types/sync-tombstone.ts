/**
 * What the incremental sync (GET /api/ritme/sync/:route) needs to know about
 * documents that are gone: a row here says "this document of this type lost
 * its published version (in this locale, or in every locale) at this moment".
 * Written by the live document middleware and the media subscriber; kept for
 * SYNC_RETENTION_DAYS, after which a sync that old is answered from scratch.
 * Not content: hidden from the Content Manager and the Content-Type Builder,
 * with no route of its own, so nothing public reads it except through sync.
 */
export const syncTombstone = {
  kind: 'collectionType',
  collectionName: 'ritme_sync_tombstones',
  info: {
    singularName: 'sync-tombstone',
    pluralName: 'sync-tombstones',
    displayName: 'Sync tombstone',
    description: 'A document that was unpublished or deleted, for incremental syncs',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    targetUid: { type: 'string', required: true, maxLength: 120 },
    targetDocumentId: { type: 'string', required: true, maxLength: 64 },
    /** null: every locale. */
    targetLocale: { type: 'string', maxLength: 35 },
    removedAt: { type: 'datetime', required: true },
  },
  // Syncs ask for a window of removedAt, and pruning for everything before a moment.
  indexes: [{ name: 'ritme_sync_tombstones_removed_at_idx', columns: ['removed_at'] }],
};
