/**
 * Typed access to the loaded content. The loader has already parsed every
 * entry with the shared schemas, so the types here are what is in the store.
 */

import { getCollection, getEntry } from 'astro:content';
import type {
  Behaviour,
  Change,
  EvaluationRound,
  Group,
  Home,
  Locale,
  Person,
  RoundResults,
  Spotlight,
  Training,
} from '@ritme/shared';
import type { PageSource } from './pages';
import { byId } from './sort';

interface Collections {
  groups: Group;
  behaviours: Behaviour;
  trainings: Training;
  people: Person;
  spotlights: Spotlight;
  rounds: EvaluationRound;
}

export async function entries<C extends keyof Collections>(name: C, locale: Locale): Promise<Collections[C][]> {
  const all = await getCollection(name, (entry: { id: string }) => entry.id.startsWith(`${locale}:`));
  return all.sort(byId).map((entry: { data: unknown }) => entry.data as Collections[C]);
}

export async function homeData(locale: Locale): Promise<Home | null> {
  const entry = await getEntry('home', locale);
  return entry ? (entry.data as Home) : null;
}

export async function roundResults(locale: Locale, documentId: string): Promise<RoundResults | null> {
  const entry = await getEntry('results', `${locale}:${documentId}`);
  return entry ? (entry.data as RoundResults) : null;
}

export async function changesData(): Promise<Change[]> {
  return (await getCollection('changes')).sort(byId).map((entry: { data: unknown }) => entry.data as Change);
}

/** The content layer as a page source: what the static build renders from. */
export const collectionSource: PageSource = {
  home: homeData,
  groups: (locale) => entries('groups', locale),
  behaviours: (locale) => entries('behaviours', locale),
  trainings: (locale) => entries('trainings', locale),
  people: (locale) => entries('people', locale),
  rounds: (locale) => entries('rounds', locale),
  spotlights: (locale) => entries('spotlights', locale),
  results: (locale, round) => roundResults(locale, round.documentId),
  changes: changesData,
};
