/**
 * "New since your last visit": which of the home page's entries the browser
 * shows (views/whats-new.ts), and which entries the home page carries for it
 * (data/pages.ts recentOf): the newest of every kind, last changed first.
 */
import type { Behaviour, Group, Spotlight, Training } from '@ritme/shared';
import { describe, expect, it } from 'vitest';
import { RECENT_SIZE, recentOf } from '../../src/data/pages';
import { whatsNew } from '../../src/views/whats-new';

describe('whatsNew', () => {
  const times = ['2026-11-05T10:00:00.000Z', '2026-11-03T10:00:00.000Z', '2026-11-01T10:00:00.000Z'];

  it('shows nothing as new on a first visit, or when the stored time is unreadable', () => {
    expect(whatsNew(null, times)).toEqual({ kind: 'first' });
    expect(whatsNew('', times)).toEqual({ kind: 'first' });
    expect(whatsNew('gisteren', times)).toEqual({ kind: 'first' });
  });

  it('shows the entries changed after the last visit', () => {
    expect(whatsNew('2026-11-02T00:00:00.000Z', times)).toEqual({
      kind: 'new',
      since: Date.parse('2026-11-02T00:00:00.000Z'),
      shown: [0, 1],
    });
    // Changed at the very moment of the visit: seen then.
    expect(whatsNew('2026-11-05T10:00:00.000Z', times)).toEqual({
      kind: 'none',
      since: Date.parse('2026-11-05T10:00:00.000Z'),
    });
  });

  it('says nothing is new when nothing changed, or there are no entries', () => {
    expect(whatsNew('2026-12-01T00:00:00.000Z', times).kind).toBe('none');
    expect(whatsNew('2026-12-01T00:00:00.000Z', []).kind).toBe('none');
  });
});

describe('recentOf', () => {
  const entry = (documentId: string, updatedAt: string) => ({
    documentId,
    slug: `${documentId}-slug`,
    updatedAt,
    localizations: [],
  });
  const behaviours = [entry('be1', '2026-11-01T00:00:00Z'), entry('be2', '2026-11-04T00:00:00Z')].map((b) => ({
    ...b,
    title: `Gedrag ${b.documentId}`,
  })) as unknown as Behaviour[];
  const spotlights = [{ ...entry('sp1', '2026-11-03T00:00:00Z'), title: 'Uitgelicht' }] as unknown as Spotlight[];
  const trainings = [{ ...entry('tr1', '2026-11-02T00:00:00Z'), title: 'Training' }] as unknown as Training[];
  const groups = [{ ...entry('gr1', '2026-11-05T00:00:00Z'), name: 'Team' }] as unknown as Group[];

  it('takes every kind, newest first, with its page and date', () => {
    expect(recentOf('en', { behaviours, spotlights, trainings, groups })).toEqual([
      {
        type: 'group',
        documentId: 'gr1',
        title: 'Team',
        path: '/en/groups/gr1-slug/',
        updatedAt: '2026-11-05T00:00:00Z',
      },
      {
        type: 'behaviour',
        documentId: 'be2',
        title: 'Gedrag be2',
        path: '/en/behaviours/be2-slug/',
        updatedAt: '2026-11-04T00:00:00Z',
      },
      {
        type: 'spotlight',
        documentId: 'sp1',
        title: 'Uitgelicht',
        path: '/en/spotlights/sp1-slug/',
        updatedAt: '2026-11-03T00:00:00Z',
      },
      {
        type: 'training',
        documentId: 'tr1',
        title: 'Training',
        path: '/en/trainings/tr1-slug/',
        updatedAt: '2026-11-02T00:00:00Z',
      },
      {
        type: 'behaviour',
        documentId: 'be1',
        title: 'Gedrag be1',
        path: '/en/behaviours/be1-slug/',
        updatedAt: '2026-11-01T00:00:00Z',
      },
    ]);
  });

  it(`keeps the newest ${RECENT_SIZE}`, () => {
    const many = Array.from({ length: RECENT_SIZE + 5 }, (_, i) => ({
      ...entry(`b${String(i).padStart(2, '0')}`, new Date(Date.UTC(2026, 0, 1 + i)).toISOString()),
      title: `${i}`,
    })) as unknown as Behaviour[];
    const recent = recentOf('nl', { behaviours: many, spotlights: [], trainings: [], groups: [] });
    expect(recent).toHaveLength(RECENT_SIZE);
    expect(recent[0]?.title).toBe(`${RECENT_SIZE + 4}`);
  });
});
