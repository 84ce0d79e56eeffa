/** Dutch and English names for the shared enumerations. */
import type {
  Cadence,
  GroupKind,
  Locale,
  PersonKind,
  Skill,
  SuggestionCategory,
  TrainingFocus,
  TrainingFormat,
} from '@ritme/shared';

type Labels<T extends string> = Record<Locale, Record<T, string>>;

export const SKILL_LABELS: Labels<Skill> = {
  nl: {
    asking_questions: 'Vragen stellen',
    giving_feedback: 'Feedback geven',
    making_work_visible: 'Eigen werk zichtbaar maken',
    responding_constructively: 'Constructief reageren',
    tool_basics: 'Basis van de tools',
  },
  en: {
    asking_questions: 'Asking questions',
    giving_feedback: 'Giving feedback',
    making_work_visible: 'Making your work visible',
    responding_constructively: 'Responding constructively',
    tool_basics: 'Tool basics',
  },
};

export const CADENCE_LABELS: Labels<Cadence> = {
  nl: {
    daily: 'Elke dag',
    weekly: 'Elke week',
    every_two_weeks: 'Om de week',
    monthly: 'Elke maand',
    per_meeting: 'Bij elk overleg',
    once: 'Eén keer',
  },
  en: {
    daily: 'Every day',
    weekly: 'Every week',
    every_two_weeks: 'Every two weeks',
    monthly: 'Every month',
    per_meeting: 'At every meeting',
    once: 'Once',
  },
};

export const FORMAT_LABELS: Labels<TrainingFormat> = {
  nl: {
    workshop: 'Workshop',
    e_learning: 'E-learning',
    video: 'Video',
    coaching: 'Coaching',
    peer_session: 'Intervisie',
  },
  en: {
    workshop: 'Workshop',
    e_learning: 'E-learning',
    video: 'Video',
    coaching: 'Coaching',
    peer_session: 'Peer session',
  },
};

export const FOCUS_LABELS: Labels<TrainingFocus> = {
  nl: { attitude: 'Houding', buttons: 'Knoppen' },
  en: { attitude: 'Attitude', buttons: 'Buttons' },
};

export const GROUP_KIND_LABELS: Labels<GroupKind> = {
  nl: { team: 'Team', project: 'Project', department: 'Afdeling', community: 'Community' },
  en: { team: 'Team', project: 'Project', department: 'Department', community: 'Community' },
};

export const PERSON_KIND_LABELS: Labels<PersonKind> = {
  nl: { leader: 'Leidinggevende', ambassador: 'Ambassadeur', coach: 'Coach' },
  en: { leader: 'Leader', ambassador: 'Ambassador', coach: 'Coach' },
};

export const CATEGORY_LABELS: Labels<SuggestionCategory> = {
  nl: { idea: 'Idee', problem: 'Probleem', question: 'Vraag', praise: 'Compliment' },
  en: { idea: 'Idea', problem: 'Problem', question: 'Question', praise: 'Praise' },
};
