/** Opening hours of an app in its own timezone: per weekday, "HH:MM" ranges (end excluded). */
export interface BusinessHours {
  /** An IANA timezone, e.g. `Indian/Antananarivo`. */
  timezone: string;
  weekly: Partial<Record<Weekday, [string, string][]>>;
}

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const SHORT: Record<string, Weekday> = {
  Mon: "mon",
  Tue: "tue",
  Wed: "wed",
  Thu: "thu",
  Fri: "fri",
  Sat: "sat",
  Sun: "sun",
};

/** The weekday and minute of the day at `now` in the timezone (Intl knows the daylight-saving rules). */
function localTime(now: Date, timezone: string): { day: Weekday; minute: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: SHORT[part("weekday")] ?? "mon", minute: Number(part("hour")) * 60 + Number(part("minute")) };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a person is at work at `now`; no hours configured means always. */
export function isWithinBusinessHours(hours: BusinessHours | null | undefined, now: Date): boolean {
  if (!hours) return true;
  const { day, minute } = localTime(now, hours.timezone);
  return (hours.weekly[day] ?? []).some(([from, to]) => minute >= minutes(from) && minute < minutes(to));
}

export type NoticeLanguage = "en" | "fr" | "mg";

export const NOTICE_LANGUAGES: readonly NoticeLanguage[] = ["en", "fr", "mg"];

const WITHIN: Record<NoticeLanguage, (sla: string) => string> = {
  en: (sla) => `Thank you for your message. A member of our team will answer you within ${sla}.`,
  fr: (sla) => `Merci pour votre message. Une personne de notre équipe vous répondra d'ici ${sla}.`,
  mg: (sla) => `Misaotra tamin'ny hafatrao. Hisy olona ao amin'ny ekipanay hamaly anao ao anatin'ny ${sla}.`,
};

const CLOSED: Record<NoticeLanguage, string> = {
  en: "Thank you for your message. Our team is away right now; a person will answer you as soon as we are back.",
  fr: "Merci pour votre message. Notre équipe est absente pour le moment ; une personne vous répondra dès notre retour.",
  mg: "Misaotra tamin'ny hafatrao. Tsy eo ny ekipanay amin'izao fotoana izao; hisy olona hamaly anao rehefa tafaverina izahay.",
};

function duration(hours: number, lang: NoticeLanguage): string {
  const h = Math.max(1, Math.round(hours));
  if (lang === "fr") return `${h} heure${h > 1 ? "s" : ""}`;
  if (lang === "mg") return `${h} ora`;
  return `${h} hour${h > 1 ? "s" : ""}`;
}

/**
 * What the customer is told when their conversation goes to a person: within the SLA during
 * business hours, the app's own out-of-hours message (or ours) outside them; in their language
 * when it is one of en, fr, mg, else the app's.
 */
export function handoffNotice(input: {
  language: string | null | undefined;
  fallbackLanguage: string;
  open: boolean;
  slaHours: number;
  outOfHoursMessage?: Partial<Record<NoticeLanguage, string>> | null;
}): { language: NoticeLanguage; text: string } {
  const pick = (l: string | null | undefined) => NOTICE_LANGUAGES.find((n) => l?.toLowerCase().startsWith(n));
  const language = pick(input.language) ?? pick(input.fallbackLanguage) ?? "en";
  if (input.open) return { language, text: WITHIN[language](duration(input.slaHours, language)) };
  return { language, text: input.outOfHoursMessage?.[language]?.trim() || CLOSED[language] };
}
