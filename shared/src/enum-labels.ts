/**
 * The readable names of Ritme's enumerations, in Dutch and English: one source
 * for the intranet theme (its `labels` strings) and the Strapi admin (the
 * choices in the Content Manager), so a cadence reads the same on both sides.
 */
import type {
  Cadence,
  GroupKind,
  PersonKind,
  ShippedLocale,
  Skill,
  SuggestionCategory,
  TrainingFocus,
  TrainingFormat,
} from './enums.js';

export interface EnumLabels {
  skill: Record<Skill, string>;
  cadence: Record<Cadence, string>;
  format: Record<TrainingFormat, string>;
  focus: Record<TrainingFocus, string>;
  groupKind: Record<GroupKind, string>;
  personKind: Record<PersonKind, string>;
  category: Record<SuggestionCategory, string>;
}
export type EnumKind = keyof EnumLabels;

export const ENUM_LABELS: Record<ShippedLocale, EnumLabels> = {
  nl: {
    skill: {
      asking_questions: 'Vragen stellen',
      giving_feedback: 'Feedback geven',
      making_work_visible: 'Eigen werk zichtbaar maken',
      responding_constructively: 'Constructief reageren',
      tool_basics: 'Basis van de tools',
    },
    cadence: {
      daily: 'Elke dag',
      weekly: 'Elke week',
      every_two_weeks: 'Om de week',
      monthly: 'Elke maand',
      per_meeting: 'Bij elk overleg',
      once: 'Eén keer',
    },
    format: {
      workshop: 'Workshop',
      e_learning: 'E-learning',
      video: 'Video',
      coaching: 'Coaching',
      peer_session: 'Intervisie',
    },
    focus: { attitude: 'Houding', buttons: 'Knoppen' },
    groupKind: { team: 'Team', project: 'Project', department: 'Afdeling', community: 'Community' },
    personKind: { leader: 'Leidinggevende', ambassador: 'Ambassadeur', coach: 'Coach' },
    category: { idea: 'Idee', problem: 'Probleem', question: 'Vraag', praise: 'Compliment' },
  },
  en: {
    skill: {
      asking_questions: 'Asking questions',
      giving_feedback: 'Giving feedback',
      making_work_visible: 'Making your work visible',
      responding_constructively: 'Responding constructively',
      tool_basics: 'Tool basics',
    },
    cadence: {
      daily: 'Every day',
      weekly: 'Every week',
      every_two_weeks: 'Every two weeks',
      monthly: 'Every month',
      per_meeting: 'At every meeting',
      once: 'Once',
    },
    format: {
      workshop: 'Workshop',
      e_learning: 'E-learning',
      video: 'Video',
      coaching: 'Coaching',
      peer_session: 'Peer session',
    },
    focus: { attitude: 'Attitude', buttons: 'Buttons' },
    groupKind: { team: 'Team', project: 'Project', department: 'Department', community: 'Community' },
    personKind: { leader: 'Leader', ambassador: 'Ambassador', coach: 'Coach' },
    category: { idea: 'Idea', problem: 'Problem', question: 'Question', praise: 'Praise' },
  },
};
