import { useLocale } from "../i18n/I18nProvider.js";
import { isLocale, LOCALE_NAMES, LOCALES } from "../i18n/locales.js";
import { useT } from "../i18n/useT.js";

/** The user's language, kept in this browser (the user profile has no language field yet). */
export function LanguageSelect() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <label className="language">
      <span>{t("shell.language")}</span>
      <select
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
