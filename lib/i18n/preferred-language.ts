import { LANGUAGES, type Language } from './languages';

/** The page's language choice, kept where the server can read it for the first paint too. */
export const LANGUAGE_COOKIE = 'offset-lab-lang';

/** The remembered choice, else the browser's language, else English. */
export function preferredLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  const first = browser.find((l) => /^(id|en)\b/i.test(l.trim()));
  return first?.trim().toLowerCase().startsWith('id') ? 'id' : 'en';
}
