import {
  type ProcedureDefinition,
  type ProcedureSummaryView,
  type ProcedureTestInput,
  type ProcedureTestResult,
  type ProcedureView,
  procedureDefinitionSchema,
  procedureTestBody,
  type SaveProcedureInput,
  type TriageConfigInput,
  triageConfigBody,
} from "@support/contract";
import {
  getProcedureVersion,
  insertProcedureVersion,
  latestProcedureVersion,
  listProcedureVersions,
  markProcedureRemoved,
  type ProcedureRow,
  putTriageConfig,
} from "@support/db";
import type { z } from "zod";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import { appTriage } from "./categories.js";
import { simulateProcedure } from "./shadow.js";
import { STUDIO_CATEGORIES, THREE_D_INTAKE } from "./template-3d-intake.js";
import { RETURN_AUTHORISATION } from "./template-return.js";

/** Built-in procedures, with the categories a template brings when the app lacks its trigger. */
export const PROCEDURE_TEMPLATES: Record<
  NonNullable<SaveProcedureInput["template"]>,
  { definition: unknown; categories?: TriageConfigInput }
> = {
  "3d-intake": { definition: THREE_D_INTAKE, categories: STUDIO_CATEGORIES },
  "return-authorisation": { definition: RETURN_AUTHORISATION },
};

/** zod issues as one line naming each field, and the issues themselves for the problem body. */
export function invalidInput(error: z.ZodError, prefix: (string | number)[] = []): AppError {
  const issues = error.issues.map((i) => ({ field: [...prefix, ...i.path].join(".") || "(body)", message: i.message }));
  return new AppError("invalid_input", issues.map((i) => `${i.field}: ${i.message}`).join("; "), { issues });
}

export function parseProcedureDefinition(input: unknown): ProcedureDefinition {
  const parsed = procedureDefinitionSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, ["definition"]);
  return parsed.data;
}

const summary = (row: ProcedureRow): ProcedureSummaryView => ({
  id: row.id,
  key: row.key,
  name: (row.definition as ProcedureDefinition).name,
  version: row.version,
  triggerCategory: row.triggerCategory,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});
const full = (row: ProcedureRow): ProcedureView => ({
  ...summary(row),
  definition: row.definition as ProcedureDefinition,
});

/** The live procedures of an app: the newest version of each key not removed. */
async function liveRows(ctx: ServiceContext, appId: string): Promise<ProcedureRow[]> {
  const rows = await listProcedureVersions(ctx.db, ctx.org.id, appId);
  const newest = new Map<string, ProcedureRow>();
  for (const row of rows) if (!newest.has(row.key)) newest.set(row.key, row);
  return [...newest.values()].filter((row) => row.removedAt === null);
}

export async function listProcedures(ctx: ServiceContext, ref: string): Promise<{ data: ProcedureSummaryView[] }> {
  const app = await requireApp(ctx, ref);
  return { data: (await liveRows(ctx, app.id)).map(summary) };
}

/** One live procedure by key, or one exact version of it (a run's, even after later edits). */
export async function showProcedure(
  ctx: ServiceContext,
  ref: string,
  key: string,
  version?: number,
): Promise<ProcedureView> {
  const app = await requireApp(ctx, ref);
  const rows = (await listProcedureVersions(ctx.db, ctx.org.id, app.id)).filter((r) => r.key === key);
  const row = version === undefined ? rows.find((r) => r.removedAt === null) : rows.find((r) => r.version === version);
  if (!row) throw new AppError("not_found", `no procedure "${key}"${version === undefined ? "" : ` v${version}`}`);
  return full(row);
}

/** The procedure a triaged message starts, if any: the live one for its category. */
export async function procedureForCategory(
  ctx: ServiceContext,
  appId: string,
  category: string,
): Promise<ProcedureView | null> {
  const row = (await liveRows(ctx, appId)).find((r) => r.triggerCategory === category);
  return row ? full(row) : null;
}

/** A run's own version, whatever was saved since. */
export async function procedureVersion(ctx: ServiceContext, id: string): Promise<ProcedureView> {
  const row = await getProcedureVersion(ctx.db, ctx.org.id, id);
  if (!row) throw new AppError("not_found", `no procedure version ${id}`);
  return full(row);
}

/**
 * Saves a definition as the next version of its key (admins). A template may bring its categories
 * when the app has no category named by its trigger. Refused, with the field and the reason, when
 * the definition is invalid, its trigger is no category of the app, or another procedure already
 * answers that category.
 */
export async function saveProcedure(
  ctx: ServiceContext,
  ref: string,
  input: SaveProcedureInput,
): Promise<ProcedureView> {
  requireRole(ctx, "admin");
  const template = input.template ? PROCEDURE_TEMPLATES[input.template] : undefined;
  if (input.template && !template) throw new AppError("invalid_input", `template: no template "${input.template}"`);
  const definition = parseProcedureDefinition(template ? template.definition : input.definition);
  const app = await requireApp(ctx, ref);
  const current = await appTriage(ctx, app.id);
  const trigger = definition.trigger.category;
  const bringsCategories =
    template?.categories && !current.categories.some((c) => c.name === trigger) ? template.categories : undefined;
  if (!bringsCategories && !current.categories.some((c) => c.name === trigger)) {
    throw new AppError(
      "invalid_input",
      `definition.trigger.category: "${trigger}" is not one of the app's categories (${current.categories
        .map((c) => c.name)
        .join(", ")})`,
    );
  }
  const taken = (await liveRows(ctx, app.id)).find((r) => r.triggerCategory === trigger && r.key !== definition.key);
  if (taken) {
    throw new AppError("conflict", `procedure "${taken.key}" already answers ${trigger}; remove it first`);
  }
  const row = await commitChange(ctx, async (tx, log) => {
    if (bringsCategories) {
      const categories = triageConfigBody.parse(bringsCategories);
      await putTriageConfig(tx, {
        orgId: ctx.org.id,
        appId: app.id,
        categories: categories.categories,
        thresholdPercent: Math.round(categories.threshold * 100),
        fallbackCategory: categories.fallbackCategory,
      });
      await log.audit({ action: "triage.categories_set", subject: app.id, data: { template: input.template } });
    }
    const latest = await latestProcedureVersion(tx, ctx.org.id, app.id, definition.key);
    const saved = await insertProcedureVersion(tx, {
      orgId: ctx.org.id,
      appId: app.id,
      key: definition.key,
      version: (latest?.version ?? 0) + 1,
      triggerCategory: trigger,
      definition,
      createdBy: ctx.actor.name,
    });
    await log.audit({
      action: "procedure.saved",
      subject: saved.id,
      data: { key: saved.key, version: saved.version, trigger, template: input.template ?? null },
    });
    return saved;
  });
  return full(row);
}

/** Stops a procedure from starting new runs (admins); runs under way keep their version. */
export async function removeProcedure(ctx: ServiceContext, ref: string, key: string): Promise<ProcedureSummaryView> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, ref);
  const live = (await liveRows(ctx, app.id)).find((r) => r.key === key);
  if (!live) throw new AppError("not_found", `no procedure "${key}"`);
  await commitChange(ctx, async (tx, log) => {
    await markProcedureRemoved(tx, ctx.org.id, app.id, key);
    await log.audit({ action: "procedure.removed", subject: live.id, data: { key, version: live.version } });
  });
  return summary(live);
}

/** Runs a procedure (the live version, or `version`) over a transcript in shadow mode; any member. */
export async function testProcedure(
  ctx: ServiceContext,
  ref: string,
  key: string,
  input: ProcedureTestInput,
): Promise<ProcedureTestResult> {
  const parsed = procedureTestBody.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const procedure = await showProcedure(ctx, ref, key, parsed.data.version);
  const run = simulateProcedure(procedure.definition, parsed.data.transcript);
  return { procedure: { key: procedure.key, version: procedure.version }, ...run };
}
