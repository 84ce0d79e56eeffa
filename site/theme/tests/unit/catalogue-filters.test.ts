/**
 * The trainings catalogue keeps its filters in the address: read back only
 * when they name a known value, written without touching the rest of the URL.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filtersFrom, withFilters } from '../../src/islands/TrainingCatalogue';

const labels = {
  skills: { giving_feedback: 'Feedback geven', asking_questions: 'Vragen stellen' },
  formats: { workshop: 'Workshop', e_learning: 'E-learning' },
  focuses: { attitude: 'Houding', buttons: 'Knoppen' },
};

describe('catalogue filters in the address', () => {
  it('reads known values and ignores the rest', () => {
    expect(filtersFrom('?skill=giving_feedback&format=nonsense&focus=attitude&page=2', labels)).toEqual({
      skill: 'giving_feedback',
      format: '',
      focus: 'attitude',
    });
    expect(filtersFrom('?skill=__proto__&focus=constructor', labels)).toEqual({ skill: '', format: '', focus: '' });
  });

  it('writes the filters and keeps path, other parameters and hash', () => {
    const url = 'https://intranet.example/trainingen/?utm=x&skill=asking_questions#lijst';
    expect(withFilters(url, { skill: '', format: 'workshop', focus: '' })).toBe(
      '/trainingen/?utm=x&format=workshop#lijst',
    );
  });

  it('reads back what it wrote, for any choice', () => {
    const pick = (values: Record<string, string>) => fc.constantFrom('', ...Object.keys(values));
    fc.assert(
      fc.property(pick(labels.skills), pick(labels.formats), pick(labels.focuses), (skill, format, focus) => {
        const written = withFilters('https://intranet.example/trainingen/', { skill, format, focus });
        expect(filtersFrom(new URL(written, 'https://intranet.example').search, labels)).toEqual({
          skill,
          format,
          focus,
        });
      }),
    );
  });
});
