/**
 * How each Ritme type is laid out in the Content Manager: the edit form with
 * what matters first (a behaviour's action and the vague phrase it replaces
 * before the why and how), and the list with the columns a comms editor scans
 * and a sort that fits the type (sessions and spotlights newest first).
 * The field texts live in @ritme/shared (editor-fields.ts).
 */
import type { EditorType } from '@ritme/shared';

/** A row of the edit form: [field, width in twelfths]. */
export type Row = Array<[string, number]>;

export interface View {
  edit: Row[];
  list: string[];
  mainField: string;
  sortBy: string;
  sortOrder: 'ASC' | 'DESC';
}

const publishing: Row = [
  ['slug', 6],
  ['sharedWithPilots', 4],
];

export const VIEWS: Record<EditorType, View> = {
  group: {
    edit: [
      [
        ['name', 6],
        ['kind', 6],
      ],
      [['description', 12]],
      [
        ['people', 6],
        ['behaviours', 6],
      ],
      [
        ['spotlights', 6],
        ['evaluationRounds', 6],
      ],
      publishing,
    ],
    list: ['name', 'kind', 'people', 'behaviours'],
    mainField: 'name',
    sortBy: 'name',
    sortOrder: 'ASC',
  },
  behaviour: {
    edit: [
      [['title', 12]],
      [['insteadOf', 12]],
      [
        ['why', 6],
        ['how', 6],
      ],
      [
        ['cadence', 6],
        ['skill', 6],
      ],
      [['example', 12]],
      [
        ['groups', 6],
        ['trainings', 6],
      ],
      [['spotlights', 6]],
      publishing,
    ],
    list: ['title', 'insteadOf', 'cadence', 'skill'],
    mainField: 'title',
    sortBy: 'title',
    sortOrder: 'ASC',
  },
  training: {
    edit: [
      [['title', 12]],
      [['summary', 12]],
      [['body', 12]],
      [
        ['skill', 4],
        ['focus', 4],
        ['format', 4],
      ],
      [['durationMinutes', 4]],
      [
        ['sessions', 6],
        ['behaviours', 6],
      ],
      publishing,
    ],
    list: ['title', 'skill', 'focus', 'format'],
    mainField: 'title',
    sortBy: 'title',
    sortOrder: 'ASC',
  },
  'training-session': {
    edit: [
      [['title', 12]],
      [['training', 6]],
      [
        ['startsAt', 6],
        ['endsAt', 6],
      ],
      [
        ['location', 6],
        ['seats', 4],
      ],
      [['onlineUrl', 12]],
    ],
    list: ['title', 'training', 'startsAt', 'seats'],
    mainField: 'title',
    sortBy: 'startsAt',
    sortOrder: 'DESC',
  },
  person: {
    edit: [
      [
        ['name', 6],
        ['roleTitle', 6],
      ],
      [
        ['kind', 6],
        ['photo', 6],
      ],
      [['quote', 12]],
      [
        ['email', 6],
        ['chatUrl', 6],
      ],
      [
        ['groups', 6],
        ['spotlights', 6],
      ],
      publishing,
    ],
    list: ['name', 'roleTitle', 'kind', 'groups'],
    mainField: 'name',
    sortBy: 'name',
    sortOrder: 'ASC',
  },
  spotlight: {
    edit: [
      [['title', 12]],
      [['story', 12]],
      [
        ['person', 6],
        ['behaviour', 6],
      ],
      [
        ['group', 6],
        ['date', 4],
      ],
      publishing,
    ],
    list: ['title', 'person', 'behaviour', 'date'],
    mainField: 'title',
    sortBy: 'date',
    sortOrder: 'DESC',
  },
  'evaluation-round': {
    edit: [
      [['title', 12]],
      [['intro', 12]],
      [
        ['opensAt', 6],
        ['closesAt', 6],
      ],
      [
        ['group', 6],
        ['minimumResponses', 4],
      ],
      [['questions', 12]],
      [['followUp', 12]],
      publishing,
    ],
    list: ['title', 'group', 'opensAt', 'closesAt'],
    mainField: 'title',
    sortBy: 'opensAt',
    sortOrder: 'DESC',
  },
};
