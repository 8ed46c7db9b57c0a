const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/**
 * When a `Sleep` or a timeout ends. The SDK sends either a duration it normalised itself
 * (`"2h30m10s"`) or an ISO timestamp (`step.sleepUntil`).
 */
export function resolveWakeTime(value: string, from: Date): Date {
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at;
  }
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== value) {
    throw new Error(`Unrecognised duration from the Inngest SDK: "${value}"`);
  }
  const ms = parts.reduce((sum, [, n, unit]) => sum + Number(n) * (UNIT_MS[unit as string] ?? 0), 0);
  return new Date(from.getTime() + ms);
}
