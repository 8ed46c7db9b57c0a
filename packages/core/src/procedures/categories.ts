import { type TriageConfigInput, type TriageConfigView, triageConfigBody } from "@support/contract";
import { deleteTriageConfig, getTriageConfig, putTriageConfig, type TriageConfigRow } from "@support/db";
import { type ConfidencePolicy, DEFAULT_CATEGORIES, type TriageCategory } from "@support/decisions";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";

/** What triage reads for an app: its categories and the policy for an unsure pick. */
export interface AppTriage {
  custom: boolean;
  categories: TriageCategory[];
  policy: ConfidencePolicy;
}

/** Without its own categories an app keeps the built-in set, and no threshold (as before). */
const BUILT_IN: AppTriage = {
  custom: false,
  categories: DEFAULT_CATEGORIES,
  policy: { threshold: 0, fallbackCategory: null },
};

const fromRow = (row: TriageConfigRow): AppTriage => ({
  custom: true,
  categories: row.categories as TriageCategory[],
  policy: { threshold: row.thresholdPercent / 100, fallbackCategory: row.fallbackCategory },
});

/** For the pipeline: the app's categories and policy, by app id (already resolved). */
export async function appTriage(ctx: ServiceContext, appId: string): Promise<AppTriage> {
  const row = await getTriageConfig(ctx.db, ctx.org.id, appId);
  return row ? fromRow(row) : BUILT_IN;
}

function view(app: string, triage: AppTriage, updatedAt: Date | null): TriageConfigView {
  return {
    app,
    custom: triage.custom,
    categories: triage.categories.map((c) => ({ ...c, signals: c.signals ?? [] })),
    threshold: triage.policy.threshold,
    fallbackCategory: triage.policy.fallbackCategory,
    updatedAt: updatedAt?.toISOString() ?? null,
  };
}

export async function showTriageConfig(ctx: ServiceContext, ref: string): Promise<TriageConfigView> {
  const app = await requireApp(ctx, ref);
  const row = await getTriageConfig(ctx.db, ctx.org.id, app.id);
  return view(app.slug, row ? fromRow(row) : BUILT_IN, row?.updatedAt ?? null);
}

/** Replaces the app's categories (admins): validated here too, since the CLI calls it directly. */
export async function setTriageConfig(ctx: ServiceContext, ref: string, input: TriageConfigInput) {
  requireRole(ctx, "admin");
  const parsed = triageConfigBody.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
    throw new AppError("invalid_input", detail, { issues: parsed.error.issues });
  }
  const config = parsed.data;
  const app = await requireApp(ctx, ref);
  const row = await commitChange(ctx, async (tx, log) => {
    const saved = await putTriageConfig(tx, {
      orgId: ctx.org.id,
      appId: app.id,
      categories: config.categories,
      thresholdPercent: Math.round(config.threshold * 100),
      fallbackCategory: config.fallbackCategory,
    });
    await log.audit({
      action: "triage.categories_set",
      subject: app.id,
      data: { categories: config.categories.map((c) => c.name), threshold: config.threshold },
    });
    return saved;
  });
  return view(app.slug, fromRow(row), row.updatedAt);
}

/** Back to the built-in categories (admins). */
export async function resetTriageConfig(ctx: ServiceContext, ref: string): Promise<TriageConfigView> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, ref);
  await commitChange(ctx, async (tx, log) => {
    await deleteTriageConfig(tx, ctx.org.id, app.id);
    await log.audit({ action: "triage.categories_reset", subject: app.id });
  });
  return view(app.slug, BUILT_IN, null);
}
