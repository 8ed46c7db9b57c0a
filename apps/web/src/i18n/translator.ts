import type { ReactNode } from "react";
import { createIntl, createIntlCache, type IntlShape, type PrimitiveType } from "react-intl";
import type { Locale } from "./locales.js";
import { catalogues, type English, type MessageId } from "./messages/index.js";

export type { MessageId };
export type Values = Record<string, PrimitiveType>;
export type RichValues = Record<string, PrimitiveType | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

/** A message with an ICU argument needs values; one without takes none (checked against the English text). */
type ValuesOf<K extends MessageId> = English[K] extends `${string}{${string}` ? [values: Values] : [];

/**
 * Messages and `Intl` formatting in the active locale. Components get one from `useT()`; pure
 * modules (src/lib) take one as a parameter, and tests make one with `createTranslator`.
 */
export interface Translator {
  <K extends MessageId>(id: K, ...values: ValuesOf<K>): string;
  /** A message with tags (`<link>…</link>`) or React values. */
  rich(id: MessageId, values: RichValues): ReactNode;
  /** The label of a code the UI knows, else the code itself (values the API may add later). */
  label(labels: Partial<Record<string, MessageId>>, code: string): string;
  /** An ISO timestamp as a date and time in the user's time zone. */
  dateTime(iso: string): string;
  time(iso: string): string;
  /** A calendar day ("2026-03-20", the API's UTC days) as a date. */
  day(isoDay: string): string;
  number(value: number, maximumFractionDigits?: number): string;
  /** A ratio (0.46) as a percentage; "n/a" when there is none. */
  percent(ratio: number | null, maximumFractionDigits?: number): string;
  /** An amount in minor units (cents), as the platform stores it, in its currency. */
  money(minor: number, currency: string): string;
  /** Dollars with the precision model costs need (a fraction of a cent). */
  usd(amount: number): string;
  /** Milliseconds the way a person reads them: milliseconds, seconds, minutes, hours or days. */
  duration(ms: number | null): string;
  /** A language code ("fr") by its name in the active locale. */
  language(code: string): string;
  /** "a, b and c" in the active locale. */
  list(items: readonly string[]): string;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export function translator(intl: IntlShape): Translator {
  // The values' shape is checked by Translator's signature; formatMessage takes any record.
  const t = (id: MessageId, values?: Values) => intl.formatMessage({ id }, values);
  const unit = (value: number, name: string, maximumFractionDigits = 0) =>
    intl.formatNumber(value, { style: "unit", unit: name, unitDisplay: "short", maximumFractionDigits });
  return Object.assign(t, {
    rich: (id: MessageId, values: RichValues) => intl.formatMessage({ id }, values),
    label: (labels: Partial<Record<string, MessageId>>, code: string) => {
      const id = labels[code];
      return id ? intl.formatMessage({ id }) : code;
    },
    dateTime: (iso: string) => intl.formatDate(iso, { dateStyle: "medium", timeStyle: "short" }),
    time: (iso: string) => intl.formatTime(iso, { timeStyle: "medium" }),
    day: (isoDay: string) => intl.formatDate(`${isoDay}T00:00:00Z`, { dateStyle: "medium", timeZone: "UTC" }),
    number: (value: number, maximumFractionDigits = 2) => intl.formatNumber(value, { maximumFractionDigits }),
    percent: (ratio: number | null, maximumFractionDigits = 0) =>
      ratio === null
        ? intl.formatMessage({ id: "common.notAvailable" })
        : intl.formatNumber(ratio, { style: "percent", maximumFractionDigits }),
    money: (minor: number, currency: string) => {
      const format = { style: "currency", currency: currency.toUpperCase(), currencyDisplay: "code" } as const;
      // The currency's own minor unit: 2 digits for EUR, none for JPY.
      const digits = new Intl.NumberFormat("en", format).resolvedOptions().maximumFractionDigits ?? 2;
      return intl.formatNumber(minor / 10 ** digits, format);
    },
    usd: (amount: number) =>
      intl.formatNumber(amount, { style: "currency", currency: "USD", maximumFractionDigits: 4 }),
    duration: (ms: number | null) => {
      if (ms === null) return intl.formatMessage({ id: "common.notAvailable" });
      if (ms < 1000) return unit(ms, "millisecond");
      if (ms < MINUTE) return unit(Math.round(ms / 1000), "second");
      if (ms < HOUR) return unit(Math.round(ms / MINUTE), "minute");
      if (ms < 2 * DAY) return unit(ms / HOUR, "hour", 1);
      return unit(ms / DAY, "day", 1);
    },
    language: (code: string) => {
      // The pipeline's guess may be no language code at all ("unknown", ""): then it shows as is.
      try {
        return intl.formatDisplayName(code, { type: "language" }) ?? code;
      } catch {
        return code;
      }
    },
    list: (items: readonly string[]) => intl.formatList(items, { type: "conjunction" }),
  }) as Translator;
}

const cache = createIntlCache();

/** A translator outside React: tests, and modules that format before anything renders. */
export function createTranslator(locale: Locale): Translator {
  return translator(createIntl({ locale, defaultLocale: "en", messages: catalogues[locale] }, cache));
}
