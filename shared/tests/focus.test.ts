import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { focusOfTheWeek, nextWeekTurn, weekNumber } from '../src/focus';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ documentId: `doc${String(i).padStart(8, '0')}` }));

describe('weekNumber', () => {
  it('rolls over on Monday 00:00 UTC and stays the same all week', () => {
    const monday = new Date('2026-11-23T00:00:00Z');
    const sunday = new Date('2026-11-29T23:59:59Z');
    const nextMonday = new Date('2026-11-30T00:00:00Z');
    expect(weekNumber(sunday)).toBe(weekNumber(monday));
    expect(weekNumber(nextMonday)).toBe(weekNumber(monday) + 1);
    expect(weekNumber(new Date('1970-01-05T00:00:00Z'))).toBe(0);
  });
});

describe('focusOfTheWeek', () => {
  it('is null for no behaviours', () => {
    expect(focusOfTheWeek([], new Date())).toBeNull();
  });

  it('visits every behaviour once in as many weeks', () => {
    const list = items(5);
    const start = new Date('2026-01-05T12:00:00Z').getTime();
    const picked = Array.from(
      { length: 5 },
      (_, week) => focusOfTheWeek(list, new Date(start + week * 7 * 86_400_000))?.documentId,
    );
    expect(new Set(picked).size).toBe(5);
  });

  it('does not depend on the order the behaviours come in', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(items(8), { minLength: 8, maxLength: 8 }),
        fc.date({ noInvalidDate: true }),
        (shuffled, date) => {
          expect(focusOfTheWeek(shuffled, date)).toEqual(focusOfTheWeek(items(8), date));
        },
      ),
    );
  });
});

describe('nextWeekTurn', () => {
  it('is the next Monday 00:00 UTC, strictly after the moment', () => {
    expect(nextWeekTurn(new Date('2026-11-25T13:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(nextWeekTurn(new Date('2026-11-29T23:59:59.999Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(nextWeekTurn(new Date('2026-11-30T00:00:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });
});
