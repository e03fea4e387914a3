'use client';

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { DICTIONARIES, type Dictionary, LANGUAGES, type Language } from './dictionaries';

const STORAGE_KEY = 'offset-lab-lang';

/** The remembered choice, else the browser's language, else English. */
export function preferredLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  const first = browser.find((l) => /^(id|en)\b/i.test(l));
  return first?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
  d: Dictionary;
}

const LanguageContext = createContext<LanguageState>({
  language: 'en',
  setLanguage: () => {},
  d: DICTIONARIES.en,
});

export function LanguageProvider({ children }: { children: ReactNode }) {
  // English on the server render; the stored or browser language right after mount.
  const [language, setLanguage] = useState<Language>('en');
  useEffect(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(STORAGE_KEY);
    } catch {}
    setLanguage(preferredLanguage(stored, navigator.languages ?? [navigator.language]));
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<LanguageState>(
    () => ({
      language,
      d: DICTIONARIES[language],
      setLanguage: (next) => {
        setLanguage(next);
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {}
      },
    }),
    [language],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The page's words in the reader's language; `fill` puts in the {parameters}. */
export function useDict(): Dictionary {
  return useContext(LanguageContext).d;
}

export function useLanguage(): [Language, (language: Language) => void] {
  const { language, setLanguage } = useContext(LanguageContext);
  return [language, setLanguage];
}
