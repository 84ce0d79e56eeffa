/**
 * The evaluation form as the server renders it: an open question is a
 * labelled text area, a scale question a radio group — a fieldset named by the
 * question, a hint saying what 1 and 5 mean, one radio per value with a name
 * of its own ("3 of 5", "3 van 5") — offering exactly the values the plugin accepts.
 */
import { SCALE_VALUES } from '@ritme/shared';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import EvaluationForm, { type EvaluationTexts, SCALE } from '../../src/islands/EvaluationForm';

function render(locale: 'nl' | 'en') {
  const s = t(locale);
  const texts = {
    ...Object.fromEntries(
      ['submit', 'anonymous', 'alreadyAnswered', 'closed', 'notOpen', 'characters'].map((key) => [key, key]),
    ),
    scaleHint: s.round.scaleHint,
    scaleValue: s.round.scaleValue,
  } as unknown as EvaluationTexts;
  return renderToStaticMarkup(
    createElement(EvaluationForm, {
      endpoint: 'http://cms.test/api/ritme/evaluation-responses',
      round: 'round1',
      opensAt: '2026-01-01T00:00:00.000Z',
      closesAt: '2099-01-01T00:00:00.000Z',
      questions: [
        { key: 'score', label: 'Hoe tevreden ben je?', kind: 'scale' },
        { key: 'why', label: 'Waarom?' },
      ],
      texts,
      maxLength: 2000,
    }),
  );
}

describe('a scale question in the evaluation form', () => {
  it('offers exactly the values the plugin accepts', () => {
    expect(SCALE).toEqual([...SCALE_VALUES]);
  });

  it('is a radio group named by its question, with a hint and a name per option, in Dutch', () => {
    const html = render('nl');
    expect(html).toMatch(
      /<fieldset class="field scale"[^>]*aria-describedby="[^"]*-score-hint"[^>]*><legend>Hoe tevreden ben je\?<\/legend>/,
    );
    expect(html).toContain('1 is helemaal niet, 5 is helemaal.');
    const radios = [...html.matchAll(/<input type="radio"[^>]*>/g)].map((match) => match[0]);
    expect(radios).toHaveLength(5);
    for (const [index, radio] of radios.entries()) {
      expect(radio).toContain(`value="${index + 1}"`);
      expect(radio).toContain(`aria-label="${index + 1} van 5"`);
    }
    // The open question stays a text area.
    expect(html).toMatch(/<label for="[^"]*-why">Waarom\?<\/label><textarea/);
  });

  it('names the options in English', () => {
    const html = render('en');
    expect(html).toContain('aria-label="5 of 5"');
    expect(html).toContain('1 means not at all, 5 means completely.');
  });
});
