import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EvaluationResponseInputSchema,
  LIMITS,
  SuggestionInputSchema,
  SuggestionUpdateSchema,
} from '../src/submissions';
import { slugify } from '../src/text';

describe('SuggestionInputSchema', () => {
  it('accepts a minimal suggestion and trims it', () => {
    expect(SuggestionInputSchema.parse({ message: '  Meer koffie  ', category: 'idea' })).toEqual({
      message: 'Meer koffie',
      category: 'idea',
    });
  });

  it('refuses fields only editors may set, and anything unknown', () => {
    for (const extra of [{ status: 'done' }, { reply: 'x' }, { id: 1 }, { __proto__: { admin: true }, evil: 1 }]) {
      expect(SuggestionInputSchema.safeParse({ message: 'x', category: 'idea', ...extra }).success).toBe(false);
    }
  });

  it('refuses control characters but keeps newlines and tabs', () => {
    expect(SuggestionInputSchema.safeParse({ message: 'a\u0000b', category: 'idea' }).success).toBe(false);
    expect(SuggestionInputSchema.safeParse({ message: 'a\u001bb', category: 'idea' }).success).toBe(false);
    expect(SuggestionInputSchema.parse({ message: 'regel 1\n\tregel 2', category: 'idea' }).message).toBe(
      'regel 1\n\tregel 2',
    );
  });

  it('enforces the length limits exactly', () => {
    expect(SuggestionInputSchema.safeParse({ message: 'x'.repeat(LIMITS.message), category: 'idea' }).success).toBe(
      true,
    );
    expect(SuggestionInputSchema.safeParse({ message: 'x'.repeat(LIMITS.message + 1), category: 'idea' }).success).toBe(
      false,
    );
  });
});

describe('SuggestionUpdateSchema', () => {
  it('needs a status or a reply, and nothing else', () => {
    expect(SuggestionUpdateSchema.safeParse({}).success).toBe(false);
    expect(SuggestionUpdateSchema.safeParse({ status: 'done' }).success).toBe(true);
    expect(SuggestionUpdateSchema.safeParse({ status: 'done', message: 'x' }).success).toBe(false);
  });
});

describe('EvaluationResponseInputSchema', () => {
  it('needs at least one non-blank answer', () => {
    const round = 'abcdefghijklmnopqrstuvwx';
    expect(EvaluationResponseInputSchema.safeParse({ round, answers: {} }).success).toBe(false);
    expect(EvaluationResponseInputSchema.safeParse({ round, answers: { works_well: ' ' } }).success).toBe(false);
    expect(EvaluationResponseInputSchema.safeParse({ round, answers: { works_well: 'Ja' } }).success).toBe(true);
    expect(EvaluationResponseInputSchema.safeParse({ round, answers: { 'Bad Key': 'Ja' } }).success).toBe(false);
  });
});

describe('slugify', () => {
  it('makes URL-safe slugs from any text', () => {
    expect(slugify('Zet iedere week een update!')).toBe('zet-iedere-week-een-update');
    expect(slugify('Café & Crème')).toBe('cafe-creme');
    expect(slugify('???')).toBe('item');
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(slugify(text)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(slugify(text).length).toBeLessThanOrEqual(80);
      }),
    );
  });
});
