export const PLUGIN_ID = 'ritme';

/** The admin permissions the server registers (see server/src/bootstrap/admin-permissions.ts). */
export const PERMISSIONS = {
  inboxRead: [{ action: 'plugin::ritme.inbox.read', subject: null }],
  inboxUpdate: [{ action: 'plugin::ritme.inbox.update', subject: null }],
  inboxEmail: [{ action: 'plugin::ritme.inbox.email', subject: null }],
  invitesManage: [{ action: 'plugin::ritme.invites.manage', subject: null }],
  buildRead: [{ action: 'plugin::ritme.build.read', subject: null }],
  buildRebuild: [{ action: 'plugin::ritme.build.rebuild', subject: null }],
  roundsRead: [{ action: 'plugin::ritme.rounds.read', subject: null }],
  roundsClose: [{ action: 'plugin::ritme.rounds.close', subject: null }],
  signupsRead: [{ action: 'plugin::ritme.signups.read', subject: null }],
};
