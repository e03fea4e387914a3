'use client';

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { type Dictionary, EN, type Language, loadDictionary } from './dictionaries';
import { LANGUAGE_COOKIE } from './preferred-language';

export { preferredLanguage } from './preferred-language';

const STORAGE_KEY = 'offset-lab-lang';
/** A year: the choice is the reader's, kept like any preference. */
const COOKIE_MAX_AGE_S = 365 * 24 * 3600;

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
  d: Dictionary;
}

const LanguageContext = createContext<LanguageState>({
  language: 'en',
  setLanguage: () => {},
  d: EN,
});

/**
 * The language the server rendered in (from the cookie or Accept-Language), with its dictionary
 * when that is not English; a change loads the other dictionary and is remembered in a cookie
 * (the next first paint) and in localStorage (as before).
 */
export function LanguageProvider({
  children,
  initial = 'en',
  dictionary,
}: {
  children: ReactNode;
  initial?: Language;
  dictionary?: Dictionary;
}) {
  const [state, setState] = useState<{ language: Language; d: Dictionary }>(() => ({
    language: initial,
    d: dictionary ?? EN,
  }));
  useEffect(() => {
    document.documentElement.lang = state.language;
  }, [state.language]);
  const value = useMemo<LanguageState>(
    () => ({
      language: state.language,
      d: state.d,
      setLanguage: (next) => {
        void loadDictionary(next).then((d) => setState({ language: next, d }));
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {}
        // biome-ignore lint/suspicious/noDocumentCookie: one plain preference, read by the server render
        document.cookie = `${LANGUAGE_COOKIE}=${next}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; SameSite=Lax`;
      },
    }),
    [state],
  );
  // A choice made before the cookie existed lives in localStorage only: honour it once.
  const { setLanguage } = value;
  useEffect(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(STORAGE_KEY);
    } catch {}
    const hasCookie = document.cookie
      .split(';')
      .some((c) => c.trim().startsWith(`${LANGUAGE_COOKIE}=`));
    if (!hasCookie && (stored === 'en' || stored === 'id') && stored !== initial)
      setLanguage(stored);
  }, [initial, setLanguage]);
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

/** Numbers grouped the reader's way, the same on the server render and in the browser. */
export function useNumberFormat(): (n: number) => string {
  const { language } = useContext(LanguageContext);
  return useMemo(() => {
    const format = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-US');
    return (n: number) => format.format(n);
  }, [language]);
}
