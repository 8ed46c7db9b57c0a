import type { MessageId } from "../i18n/translator.js";
import type { AppSettings } from "./types.js";

export const WEEK_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

/** The languages the drafter writes replies in (its greeting and sign-off templates). */
export const REPLY_LANGUAGES = ["en", "fr", "mg", "es", "de", "pt", "it"] as const;

/** The customer-facing languages an out-of-hours message is written in. */
export const NOTICE_LANGUAGES = ["en", "fr", "mg"] as const;

/** Where the settings page shows an error: a form field's name. */
export type FieldErrors = Record<string, { id: MessageId; detail?: string }>;

const RANGE = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/;
const pad = (hours: string) => hours.padStart(2, "0");

/** "09:00-12:00, 14:00-18:00" as the API's ranges; blank is a closed day; undefined when unreadable. */
export function parseRanges(text: string): [string, string][] | undefined {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const ranges: [string, string][] = [];
  for (const part of parts) {
    const m = RANGE.exec(part);
    if (!m) return undefined;
    ranges.push([`${pad(m[1] ?? "")}:${m[2]}`, `${pad(m[3] ?? "")}:${m[4]}`]);
  }
  return ranges;
}

export const rangesText = (ranges: readonly (readonly [string, string])[] | undefined) =>
  (ranges ?? []).map(([from, to]) => `${from}-${to}`).join(", ");

/**
 * The settings form's values as the PATCH body's settings, or the fields to fix first (what the
 * browser can tell without the API; the API's own refusals arrive through `fieldErrorsOf`).
 */
export function settingsFromForm(
  form: Record<string, string>,
  checks: { alwaysOpen: boolean; handoffNotice: boolean },
): { settings: Partial<AppSettings>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const text = (name: string) => (form[name] ?? "").trim();
  const number = (name: string) => {
    const value = text(name) === "" ? Number.NaN : Number(text(name));
    if (!Number.isFinite(value)) errors[name] = { id: "settings.error.number" };
    return value;
  };
  const weekly: Partial<Record<WeekDay, [string, string][]>> = {};
  for (const day of WEEK_DAYS) {
    const ranges = parseRanges(text(`hours.${day}`));
    if (!ranges) errors[`hours.${day}`] = { id: "settings.error.ranges" };
    else if (ranges.length) weekly[day] = ranges;
  }
  const outOfHours = Object.fromEntries(
    NOTICE_LANGUAGES.map((lang) => [lang, text(`outOfHours.${lang}`)]).filter(([, words]) => words),
  );
  const settings: Partial<AppSettings> = {
    language: text("language"),
    tone: text("tone"),
    signature: text("signature") || null,
    bannedPhrases: (form.bannedPhrases ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    debounceSeconds: number("debounceSeconds"),
    approvalSlaHours: number("approvalSlaHours"),
    autonomyTier: text("autonomyTier") as AppSettings["autonomyTier"],
    csat: (text("csat") || "off") as AppSettings["csat"],
    businessHours: checks.alwaysOpen ? null : { timezone: text("timezone"), weekly },
    handoffNotice: checks.handoffNotice,
    outOfHoursMessage: Object.keys(outOfHours).length ? outOfHours : null,
  };
  return { settings, errors };
}

/** The API's refused paths (`settings.businessHours.weekly.mon.0`) as the form's field names. */
export function fieldOfIssue(path: string): string {
  const [, key, ...rest] = path.split(".");
  if (key === "businessHours") {
    if (rest[0] === "timezone") return "timezone";
    if (rest[0] === "weekly" && rest[1]) return `hours.${rest[1]}`;
    return "timezone";
  }
  if (key === "outOfHoursMessage") return rest[0] ? `outOfHours.${rest[0]}` : "outOfHours.en";
  return key ?? path;
}

export function fieldErrorsOf(issues: readonly { field: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOfIssue(issue.field);
    errors[field] ??= { id: "settings.error.refused", detail: issue.message };
  }
  return errors;
}
