/** The dashboard's languages; English is the fallback and the catalogue that defines the ids. */
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language by its own name: a reader looks for the one they speak, whatever is showing now. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français" };

/** Where the language chosen in the top bar is kept until the user profile carries one. */
export const LOCALE_STORAGE_KEY = "support.locale";

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** The first of the browser's preferred languages the dashboard speaks ("fr-CA" is French), else English. */
export function browserLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

/** The user's own choice wins over the browser's languages. */
export function initialLocale(stored: string | null, languages: readonly string[]): Locale {
  return isLocale(stored) ? stored : browserLocale(languages);
}
