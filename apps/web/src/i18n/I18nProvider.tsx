import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { IntlProvider } from "react-intl";
import { initialLocale, LOCALE_STORAGE_KEY, type Locale } from "./locales.js";
import { catalogues } from "./messages/index.js";

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

// Storage can be refused (private modes, blocked cookies): the language then lasts for the visit.
function readStored(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(locale: Locale) {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // see readStored
  }
}

/**
 * The dashboard's language: the user's choice (the top bar's selector), else the browser's
 * languages. Every catalogue is bundled: switching is instant and needs no request.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState(() => initialLocale(readStored(), navigator.languages ?? []));
  useEffect(() => {
    // index.html says "en" until this runs; screen readers and hyphenation follow the real language.
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    store(next);
    setLocaleState(next);
  }, []);
  const state = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext value={state}>
      <IntlProvider locale={locale} defaultLocale="en" messages={catalogues[locale]}>
        {children}
      </IntlProvider>
    </LocaleContext>
  );
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error("useLocale needs <I18nProvider> above it");
  return state;
}
