/**
 * Typed access to the loaded content. The loader has already parsed every
 * entry with the shared schemas, so the types here are what is in the store.
 */

import { getCollection, getEntry } from 'astro:content';
import type {
  Behaviour,
  EvaluationRound,
  Group,
  Home,
  Locale,
  Person,
  RoundResults,
  Spotlight,
  Training,
} from '@ritme/shared';

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
  return all.map((entry: { data: unknown }) => entry.data as Collections[C]);
}

export async function homeData(locale: Locale): Promise<Home | null> {
  const entry = await getEntry('home', locale);
  return entry ? (entry.data as Home) : null;
}

export async function roundResults(locale: Locale, documentId: string): Promise<RoundResults | null> {
  const entry = await getEntry('results', `${locale}:${documentId}`);
  return entry ? (entry.data as RoundResults) : null;
}

const collator = (locale: Locale) => new Intl.Collator(locale);
export const byText =
  <T>(locale: Locale, text: (item: T) => string) =>
  (a: T, b: T) =>
    collator(locale).compare(text(a), text(b));
