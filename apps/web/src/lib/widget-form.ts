import type { WidgetConfigChange, WidgetTier } from "@support/contract";

export const TIERS: readonly WidgetTier[] = ["suggest", "one_click", "auto_send"];

/** One row of the plan → tier editor (a plan being typed may still be empty). */
export interface PlanRow {
  plan: string;
  tier: WidgetTier;
}

/**
 * The PATCH body from the setup form: origins one per line (blank lines and repeats dropped),
 * the plan rows that name a plan (the last row wins for a repeated plan), `""` as "the app's
 * tier" for the default, an empty response time as none. The API validates each origin.
 */
export function widgetConfigChange(form: {
  origins: string;
  plans: PlanRow[];
  defaultTier: string;
  responseTime: string;
}): WidgetConfigChange {
  const origins = [...new Set(form.origins.split("\n").map((line) => line.trim().replace(/\/+$/, "")))].filter(Boolean);
  const plans: Record<string, WidgetTier> = {};
  for (const row of form.plans) if (row.plan.trim()) plans[row.plan.trim()] = row.tier;
  const defaultTier = TIERS.find((tier) => tier === form.defaultTier) ?? null;
  return { allowedOrigins: origins, plans, defaultTier, responseTime: form.responseTime.trim() || null };
}

/** The dashboard's own address, added to the allowed origins for the preview (once). */
export const withOrigin = (origins: string[], origin: string) =>
  origins.includes(origin) ? origins : [...origins, origin];
