/**
 * Who may call what. The public role (users-permissions) may read published
 * content, create the two kinds of submission and sign up for sessions; editor actions are listed so
 * the app can grant them to an editor API token.
 */
export const PUBLIC_ACTIONS = [
  'home.index',
  'group.find',
  'group.findOne',
  'behaviour.find',
  'behaviour.findOne',
  'training.find',
  'training.findOne',
  'person.find',
  'person.findOne',
  'spotlight.find',
  'spotlight.findOne',
  'evaluation-round.find',
  'evaluation-round.findOne',
  'evaluation-round.results',
  'suggestion.create',
  'evaluation-response.create',
  'signup.create',
  'signup.availability',
  'signup.lookup',
  'signup.cancel',
  'change.list',
  'clock.index',
].map((action) => `plugin::ritme.${action}`);

/** For the preview server's API token: drafts, pilot sessions and feedback. */
export const PREVIEW_ACTIONS = [
  'preview.home',
  'preview.list',
  'preview.show',
  'pilot-session.open',
  'pilot-session.check',
  'feedback.create',
  'preview-link.claim',
].map((action) => `plugin::ritme.${action}`);

export const EDITOR_ACTIONS = [
  ...PUBLIC_ACTIONS,
  ...['suggestion.list', 'suggestion.show', 'suggestion.answer'].map((action) => `plugin::ritme.${action}`),
];
