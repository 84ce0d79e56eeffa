/**
 * What the comms team reads next to every Ritme field in Strapi's Content
 * Manager: a label, help and (where it helps) a placeholder, in Dutch and
 * English. The one place these texts live: the plugin's bootstrap stores the
 * English ones as the Content Manager's defaults, and the admin shows the
 * admin's own language over a default it finds unchanged.
 */
import type { EnumKind } from './enum-labels.js';
import { ENUM_LABELS } from './enum-labels.js';
import { FALLBACK_LOCALE, isShippedLocale, type ShippedLocale } from './enums.js';

type Both = Record<ShippedLocale, string>;
export interface FieldTexts {
  label: Both;
  hint?: Both;
  placeholder?: Both;
}
/** One field's texts in one language. */
export interface FieldText {
  label: string;
  hint?: string;
  placeholder?: string;
}

/** `field(['Title', 'Titel'], ['help', 'hulp'], ['e.g.', 'bijv.'])`: English first, then Dutch. */
const field = (label: [string, string], hint?: [string, string], placeholder?: [string, string]): FieldTexts => ({
  label: { en: label[0], nl: label[1] },
  ...(hint ? { hint: { en: hint[0], nl: hint[1] } } : {}),
  ...(placeholder ? { placeholder: { en: placeholder[0], nl: placeholder[1] } } : {}),
});

const slug = field(
  ['Web address', 'Webadres'],
  [
    'The last part of the page address. Filled in from the title when left empty; changing it breaks links people saved.',
    'Het laatste deel van het paginaadres. Wordt uit de titel gemaakt als je het leeg laat; wijzigen breekt links die mensen bewaard hebben.',
  ],
);
const sharedWithPilots = field(
  ['Share with pilots', 'Delen met pilotgebruikers'],
  [
    'On: pilot users see this draft on the preview intranet before it is published.',
    'Aan: pilotgebruikers zien dit concept op het preview-intranet voordat het gepubliceerd is.',
  ],
);

export const EDITOR_FIELDS = {
  group: {
    name: field(['Name', 'Naam'], undefined, ['e.g. Team Communication', 'bijv. Team Communicatie']),
    slug,
    sharedWithPilots,
    kind: field(
      ['Kind of group', 'Soort groep'],
      ['Team, project, department or community.', 'Team, project, afdeling of community.'],
    ),
    description: field(
      ['Description', 'Beschrijving'],
      [
        'Who is in this group and what it works on, in a few sentences.',
        'Wie er in deze groep zitten en waar ze aan werken, in een paar zinnen.',
      ],
    ),
    people: field(
      ['People', 'Mensen'],
      [
        'The leaders, ambassadors and coaches of this group.',
        'De leidinggevenden, ambassadeurs en coaches van deze groep.',
      ],
    ),
    behaviours: field(
      ['Example behaviours', 'Voorbeeldgedrag'],
      ['What is expected of this group, concretely.', 'Wat er concreet van deze groep verwacht wordt.'],
    ),
    spotlights: field(['Spotlights', 'In de schijnwerpers']),
    evaluationRounds: field(['Evaluation rounds', 'Evaluatierondes']),
  },
  behaviour: {
    title: field(
      ['What to do', 'Wat doe je'],
      [
        'The concrete action, so anyone knows what to do tomorrow.',
        'De concrete handeling, zodat iedereen weet wat hij morgen doet.',
      ],
      [
        'e.g. Post a short update on your project in the group every week',
        'bijv. Zet iedere week een korte update van je project in de groep',
      ],
    ),
    slug,
    sharedWithPilots,
    insteadOf: field(
      ['Instead of', 'In plaats van'],
      [
        'Not: … the vague phrase this behaviour replaces, as people say it.',
        'Niet: … de vage oproep die dit gedrag vervangt, zoals mensen hem zeggen.',
      ],
      ['e.g. Share your knowledge', 'bijv. Deel je kennis'],
    ),
    why: field(
      ['Why it matters', 'Waarom het ertoe doet'],
      [
        'What it brings colleagues and the team; one or two sentences.',
        'Wat het collega’s en het team oplevert; een of twee zinnen.',
      ],
    ),
    how: field(
      ['How to do it', 'Hoe doe je het'],
      ['The first steps, short enough to try today.', 'De eerste stappen, kort genoeg om vandaag te proberen.'],
    ),
    cadence: field(
      ['How often', 'Hoe vaak'],
      ['How often people are meant to do this.', 'Hoe vaak mensen dit zouden moeten doen.'],
    ),
    skill: field(
      ['Skill', 'Vaardigheid'],
      ['The attitude skill this behaviour trains.', 'De houdingsvaardigheid die dit gedrag traint.'],
    ),
    example: field(
      ['Example', 'Voorbeeld'],
      [
        'A real example: what it looks like when someone does it.',
        'Een echt voorbeeld: hoe het eruitziet als iemand het doet.',
      ],
    ),
    groups: field(
      ['Groups', 'Groepen'],
      ['The groups this behaviour is meant for.', 'De groepen voor wie dit gedrag bedoeld is.'],
    ),
    trainings: field(
      ['Trainings', 'Trainingen'],
      ['Trainings that help people do this.', 'Trainingen die mensen hierbij helpen.'],
    ),
    spotlights: field(
      ['Spotlights', 'In de schijnwerpers'],
      ['Stories of colleagues who show this behaviour.', 'Verhalen van collega’s die dit gedrag laten zien.'],
    ),
  },
  training: {
    title: field(['Title', 'Titel'], undefined, [
      'e.g. Asking good questions in the group',
      'bijv. Goede vragen stellen in de groep',
    ]),
    slug,
    sharedWithPilots,
    summary: field(
      ['Summary', 'Samenvatting'],
      [
        'One or two sentences shown in the list of trainings.',
        'Een of twee zinnen die in het overzicht van trainingen staan.',
      ],
    ),
    body: field(
      ['Description', 'Beschrijving'],
      ['What participants do and take away.', 'Wat deelnemers doen en meenemen.'],
    ),
    skill: field(
      ['Skill', 'Vaardigheid'],
      ['The attitude skill this training works on.', 'De houdingsvaardigheid waar deze training aan werkt.'],
    ),
    focus: field(
      ['Focus', 'Focus'],
      [
        'Attitude (how we work together) or buttons (how the tool works).',
        'Houding (hoe we samenwerken) of knoppen (hoe de tool werkt).',
      ],
    ),
    format: field(['Format', 'Vorm']),
    durationMinutes: field(['Duration (minutes)', 'Duur (minuten)'], undefined, ['e.g. 90', 'bijv. 90']),
    sessions: field(
      ['Sessions', 'Sessies'],
      ['The dates this training is given.', 'De data waarop deze training gegeven wordt.'],
    ),
    behaviours: field(
      ['Example behaviours', 'Voorbeeldgedrag'],
      ['The behaviours this training helps with.', 'Het gedrag waar deze training bij helpt.'],
    ),
  },
  'training-session': {
    title: field(
      ['Session', 'Sessie'],
      [
        'Filled in from the training and the start when left empty; how the session is listed.',
        'Wordt uit de training en de start ingevuld als je het leeg laat; zo staat de sessie in lijsten.',
      ],
    ),
    training: field(['Training', 'Training']),
    startsAt: field(['Starts', 'Begint'], ['The same in every language.', 'Hetzelfde in elke taal.']),
    endsAt: field(['Ends', 'Eindigt'], ['The same in every language.', 'Hetzelfde in elke taal.']),
    location: field(['Location', 'Locatie'], undefined, [
      'e.g. Room 2.14, Utrecht office',
      'bijv. Zaal 2.14, kantoor Utrecht',
    ]),
    onlineUrl: field(
      ['Online link', 'Online link'],
      [
        'A full address starting with https://; the same in every language.',
        'Een volledig adres dat begint met https://; hetzelfde in elke taal.',
      ],
      ['https://', 'https://'],
    ),
    seats: field(['Seats', 'Plaatsen'], ['Leave empty when there is no limit.', 'Laat leeg als er geen maximum is.']),
  },
  person: {
    name: field(['Name', 'Naam'], ['The same in every language.', 'Hetzelfde in elke taal.']),
    slug,
    sharedWithPilots,
    roleTitle: field(['Role', 'Functie'], undefined, [
      'e.g. Team lead Customer Service',
      'bijv. Teamleider Klantenservice',
    ]),
    kind: field(['Leads by example as', 'Geeft het goede voorbeeld als']),
    quote: field(
      ['Quote', 'Citaat'],
      ['In their own words: why they work this way.', 'In eigen woorden: waarom ze zo werken.'],
    ),
    photo: field(['Photo', 'Foto']),
    email: field(
      ['E-mail address', 'E-mailadres'],
      [
        'Shown on the intranet as a link, so colleagues can reach them; the same in every language.',
        'Staat op het intranet als link, zodat collega’s ze kunnen bereiken; hetzelfde in elke taal.',
      ],
      ['e.g. name@organisation.nl', 'bijv. naam@organisatie.nl'],
    ),
    chatUrl: field(
      ['Chat link', 'Chatlink'],
      [
        'A link that opens a chat with them (Teams, Slack…), starting with https://; the same in every language.',
        'Een link die een chat met ze opent (Teams, Slack…), beginnend met https://; hetzelfde in elke taal.',
      ],
      ['https://', 'https://'],
    ),
    groups: field(['Groups', 'Groepen']),
    spotlights: field(['Spotlights', 'In de schijnwerpers']),
  },
  spotlight: {
    title: field(['Title', 'Titel'], undefined, [
      'e.g. How Sanne made her project visible',
      'bijv. Hoe Sanne haar project zichtbaar maakte',
    ]),
    slug,
    sharedWithPilots,
    story: field(
      ['Story', 'Verhaal'],
      ['What they did and what it brought; name the behaviour.', 'Wat ze deden en wat het opleverde; noem het gedrag.'],
    ),
    date: field(['Date', 'Datum']),
    person: field(['Person', 'Persoon'], ['Who is in the spotlight.', 'Wie er in de schijnwerpers staat.']),
    group: field(['Group', 'Groep']),
    behaviour: field(
      ['Behaviour shown', 'Getoond gedrag'],
      ['The example behaviour this story shows.', 'Het voorbeeldgedrag dat dit verhaal laat zien.'],
    ),
  },
  'evaluation-round': {
    title: field(['Title', 'Titel'], undefined, ['e.g. Spring 2026 check-in', 'bijv. Terugblik voorjaar 2026']),
    slug,
    sharedWithPilots,
    intro: field(
      ['Introduction', 'Inleiding'],
      ['Why you ask and what you will do with the answers.', 'Waarom je het vraagt en wat je met de antwoorden doet.'],
    ),
    questions: field(
      ['Questions', 'Vragen'],
      [
        'Left empty, the three questions are filled in: what works, what we run into, what helps.',
        'Leeg gelaten worden de drie vragen ingevuld: wat werkt, waar lopen we tegenaan, wat helpt.',
      ],
    ),
    group: field(
      ['Group', 'Groep'],
      ['Leave empty for a round for everyone.', 'Laat leeg voor een ronde voor iedereen.'],
    ),
    opensAt: field(['Opens', 'Gaat open']),
    closesAt: field(['Closes', 'Sluit']),
    minimumResponses: field(
      ['Minimum answers', 'Minimum aantal antwoorden'],
      [
        'Results stay hidden until this many people answered (at least 3), so no one can be recognised.',
        'Resultaten blijven verborgen tot zoveel mensen antwoordden (minstens 3), zodat niemand herkenbaar is.',
      ],
    ),
    followUp: field(
      ['What changed', 'Wat er veranderd is'],
      [
        'What you changed because of the answers; a round closes for good only once this is written.',
        'Wat je door de antwoorden veranderd hebt; een ronde sluit pas definitief als dit geschreven is.',
      ],
    ),
  },
} as const satisfies Record<string, Record<string, FieldTexts>>;

export type EditorType = keyof typeof EDITOR_FIELDS;
export const EDITOR_TYPES = Object.keys(EDITOR_FIELDS) as EditorType[];
export const editorUid = (type: EditorType) => `plugin::ritme.${type}` as const;

/** Which enumeration each enum field takes its readable choices from. */
export const ENUM_FIELDS: Partial<Record<EditorType, Record<string, EnumKind>>> = {
  group: { kind: 'groupKind' },
  behaviour: { cadence: 'cadence', skill: 'skill' },
  training: { skill: 'skill', focus: 'focus', format: 'format' },
  person: { kind: 'personKind' },
};

/** The admin's interface language as far as Ritme ships it: nl or en, English for any other. */
export const editorLocale = (language: string | null | undefined): ShippedLocale => {
  const base = (language ?? '').split('-')[0] ?? '';
  return isShippedLocale(base) ? base : FALLBACK_LOCALE;
};

/** The Ritme type of a Strapi uid (`plugin::ritme.behaviour` → `behaviour`), or undefined. */
export const editorTypeOf = (uid: string | null | undefined): EditorType | undefined => {
  const type = uid?.startsWith('plugin::ritme.') ? uid.slice('plugin::ritme.'.length) : undefined;
  return type && type in EDITOR_FIELDS ? (type as EditorType) : undefined;
};

export function fieldText(type: EditorType, name: string, locale: ShippedLocale): FieldText | undefined {
  const texts = (EDITOR_FIELDS[type] as Record<string, FieldTexts>)[name];
  if (!texts) return undefined;
  return {
    label: texts.label[locale],
    ...(texts.hint ? { hint: texts.hint[locale] } : {}),
    ...(texts.placeholder ? { placeholder: texts.placeholder[locale] } : {}),
  };
}

/** The readable name of an enum field's value, or undefined when the field or value is not Ritme's. */
export function choiceLabel(type: EditorType, name: string, value: string, locale: ShippedLocale): string | undefined {
  const kind = ENUM_FIELDS[type]?.[name];
  return kind ? (ENUM_LABELS[locale][kind] as Record<string, string>)[value] : undefined;
}
