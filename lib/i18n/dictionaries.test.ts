import { describe, expect, it } from 'vitest';
import { type Dictionary, EN, LANGUAGES, type Language } from './dictionaries';
import { fill, leaves, placeholders } from './dictionary';
import { ID } from './dictionary-id';
import { preferredLanguage } from './preferred-language';

const DICTIONARIES: Record<Language, Dictionary> = { en: EN, id: ID };

const english = new Map(leaves(DICTIONARIES.en));

describe('every language has every text', () => {
  for (const language of LANGUAGES) {
    const texts = new Map(leaves(DICTIONARIES[language]));
    it(`${language}: the same keys as English, none missing, none extra`, () => {
      const missing = [...english.keys()].filter((k) => !texts.has(k));
      const extra = [...texts.keys()].filter((k) => !english.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });
    it(`${language}: no empty text, and the same {placeholders} as English`, () => {
      const problems = [...texts].flatMap(([key, text]) => {
        const source = english.get(key) ?? '';
        if (text.trim() === '') return [`${key}: empty`];
        const want = placeholders(source).join(',');
        const have = placeholders(text).join(',');
        return want === have ? [] : [`${key}: {${have}} instead of {${want}}`];
      });
      expect(problems).toEqual([]);
    });
  }

  it('Indonesian is a translation, not a copy: most texts differ from English', () => {
    const id = new Map(leaves(DICTIONARIES.id));
    const same = [...id].filter(([key, text]) => english.get(key) === text).length;
    // Some are Kafka's own terms on purpose (offset, lag, committed, generation...).
    expect(same / id.size).toBeLessThan(0.25);
  });
});

describe('fill and the language choice', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} of {b} ({c})', { a: 1, b: 'x' })).toBe('1 of x ({c})');
  });
  it('remembers a choice, else follows the browser, else English', () => {
    expect(preferredLanguage('id', ['en-US'])).toBe('id');
    expect(preferredLanguage(null, ['id-ID', 'en'])).toBe('id');
    expect(preferredLanguage(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(preferredLanguage('xx', ['de'])).toBe('en');
  });
});
