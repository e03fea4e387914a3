'use client';

import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@/lib/i18n/dictionaries';
import { useDict, useLanguage } from '@/lib/i18n/language';

/** English or Bahasa Indonesia, remembered in this browser. */
export function LanguageSwitch() {
  const [language, setLanguage] = useLanguage();
  const t = useDict().ui.header;
  return (
    <select
      aria-label={t.language}
      data-testid="language-switch"
      className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-800"
      value={language}
      onChange={(e) => setLanguage(e.target.value as Language)}
    >
      {LANGUAGES.map((l) => (
        <option key={l} value={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
