import { EVENT_TEXTS } from '@/protocol/texts';
import type { Widen } from './dictionary';
import { EVENTS_ID } from './events-id';
import { EXPERIMENTS_EN } from './experiments-en';
import { EXPERIMENTS_ID } from './experiments-id';
import { GLOSSARY_EN } from './glossary-en';
import { GLOSSARY_ID } from './glossary-id';
import { UI_EN } from './ui-en';
import { UI_ID } from './ui-id';

/**
 * A typed dictionary, not an i18n library: the page is one client-rendered dashboard with no
 * per-language routes, the user fixed the package list, and `Widen<typeof EN>` makes a missing
 * key in any language a compile error (the test also checks texts and {placeholders}).
 */
const EN = { ui: UI_EN, glossary: GLOSSARY_EN, experiments: EXPERIMENTS_EN, events: EVENT_TEXTS };
export type Dictionary = Widen<typeof EN>;

const ID: Dictionary = {
  ui: UI_ID,
  glossary: GLOSSARY_ID,
  experiments: EXPERIMENTS_ID,
  events: EVENTS_ID,
};

export const LANGUAGES = ['en', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', id: 'Bahasa Indonesia' };
export const DICTIONARIES: Record<Language, Dictionary> = { en: EN, id: ID };
