/**
 * Standard five-field cron (minute hour day-of-month month day-of-week, in UTC) with `*`,
 * lists, ranges and steps: what Inngest's `{ cron }` triggers use. `TZ=` prefixes and
 * six-field (seconds) expressions are rejected when functions are loaded.
 */
const FIELDS = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 7 },
] as const;

export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
}

function parseField(text: string, { min, max }: { min: number; max: number }, expression: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`Unsupported cron expression: "${expression}"`);
    const from = match[1] === "*" ? min : Number(match[2]);
    const to = match[1] === "*" ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new Error(`Cron field out of range: "${expression}"`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`Unsupported cron expression (five fields, UTC): "${expression}"`);
  const [minutes, hours, days, months, weekdays] = fields.map((field, i) =>
    parseField(field, FIELDS[i] as { min: number; max: number }, expression),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (weekdays.has(7)) weekdays.add(0);
  return {
    minutes,
    hours,
    days,
    months,
    weekdays,
    daysRestricted: fields[2] !== "*",
    weekdaysRestricted: fields[4] !== "*",
  };
}

function matches(s: CronSchedule, t: Date): boolean {
  if (!s.minutes.has(t.getUTCMinutes()) || !s.hours.has(t.getUTCHours()) || !s.months.has(t.getUTCMonth() + 1)) {
    return false;
  }
  const day = s.days.has(t.getUTCDate());
  const weekday = s.weekdays.has(t.getUTCDay());
  // Classic cron: when both day fields are restricted, either one matching is enough.
  if (s.daysRestricted && s.weekdaysRestricted) return day || weekday;
  return day && weekday;
}

/** The first minute strictly after `after` that the schedule fires at. */
export function nextCronTime(expression: string, after: Date): Date {
  const schedule = parseCron(expression);
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  for (let i = 0; i < 366 * 24 * 60 * 5; i++) {
    t.setUTCMinutes(t.getUTCMinutes() + 1);
    if (matches(schedule, t)) return t;
  }
  throw new Error(`Cron expression never fires: "${expression}"`);
}
