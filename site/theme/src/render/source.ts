/**
 * The renderer's synced content as a page source: what data/content.ts is for
 * the static build (the content layer), over the renderer's memory, read in the
 * same id order (data/sort.ts byId).
 */
import type { Change, Home, Locale, RoundResults } from '@ritme/shared';
import type { PageSource } from '../data/pages';
import { byId } from '../data/sort';
import type { MemoryCollection } from './registry';

export function memorySource(collections: Record<string, MemoryCollection>): PageSource {
  const all = (name: string) => [...(collections[name]?.entries.values() ?? [])].sort(byId);
  const of = <T>(name: string, locale: Locale) =>
    all(name)
      .filter((entry) => entry.id.startsWith(`${locale}:`))
      .map((entry) => entry.data as T);
  const one = <T>(name: string, id: string) => (collections[name]?.entries.get(id)?.data as T | undefined) ?? null;
  return {
    home: async (locale) => one<Home>('home', locale),
    groups: async (locale) => of('groups', locale),
    behaviours: async (locale) => of('behaviours', locale),
    trainings: async (locale) => of('trainings', locale),
    people: async (locale) => of('people', locale),
    rounds: async (locale) => of('rounds', locale),
    spotlights: async (locale) => of('spotlights', locale),
    results: async (locale, round) => one<RoundResults>('results', `${locale}:${round.documentId}`),
    changes: async () => all('changes').map((entry) => entry.data as Change),
  };
}
