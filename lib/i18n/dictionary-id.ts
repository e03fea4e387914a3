import type { Dictionary } from './dictionaries';
import { EVENTS_ID } from './events-id';
import { EXPERIMENTS_ID } from './experiments-id';
import { GLOSSARY_ID } from './glossary-id';
import { LESSONS_ID } from './lessons-id';
import { UI_ID } from './ui-id';

/** Bahasa Indonesia: its own chunk, loaded only by a reader who chose it. */
export const ID: Dictionary = {
  ui: UI_ID,
  glossary: GLOSSARY_ID,
  experiments: EXPERIMENTS_ID,
  lessons: LESSONS_ID,
  events: EVENTS_ID,
};
