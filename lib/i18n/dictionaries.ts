import { EVENT_TEXTS } from '@/protocol/texts';
import type { Widen } from './dictionary';
import { EXPERIMENTS_EN } from './experiments-en';
import { GLOSSARY_EN } from './glossary-en';
import type { Language } from './languages';
import { LESSONS_EN } from './lessons-en';
import { UI_EN } from './ui-en';

export { LANGUAGE_NAMES, LANGUAGES, type Language } from './languages';

/**
 * A typed dictionary, not an i18n library: the page is one dashboard with no per-language routes,
 * the user fixed the package list, and `Widen<typeof EN>` makes a missing key in any language a
 * compile error (the test also checks texts and {placeholders}). English ships with the page;
 * Indonesian is loaded when chosen (or sent with the first paint to a reader who chose it).
 */
export const EN = {
  ui: UI_EN,
  glossary: GLOSSARY_EN,
  experiments: EXPERIMENTS_EN,
  lessons: LESSONS_EN,
  events: EVENT_TEXTS,
};
export type Dictionary = Widen<typeof EN>;

export function loadDictionary(language: Language): Promise<Dictionary> {
  return language === 'en' ? Promise.resolve(EN) : import('./dictionary-id').then((m) => m.ID);
}
