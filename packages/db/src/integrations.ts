import { and, asc, eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { actionExecutions, appIntegrations, stripeAccounts } from "./schema/sqlite.js";
import { findInOrg, updateInOrg, upsertInOrg } from "./scoped.js";

export type AppIntegration = typeof appIntegrations.$inferSelect;
export type ActionExecution = typeof actionExecutions.$inferSelect;
export type StripeAccount = typeof stripeAccounts.$inferSelect;

export async function getIntegration(db: Db, orgId: string, appId: string): Promise<AppIntegration | undefined> {
  return findInOrg(db, db.t.appIntegrations, orgId, eq(db.t.appIntegrations.appId, appId));
}

/** Creates the app's integration or replaces the given fields of the existing one. */
export async function saveIntegration(
  db: Db,
  orgId: string,
  appId: string,
  values: Partial<Pick<AppIntegration, "url" | "secretsCiphertext" | "policy" | "capabilities" | "checkedAt">>,
): Promise<AppIntegration> {
  const t = db.t.appIntegrations;
  return upsertInOrg(db, t, orgId, [eq(t.appId, appId)], values, (now) => {
    if (values.url === undefined || values.secretsCiphertext === undefined) {
      throw new Error("a new integration needs a url and secrets");
    }
    return {
      id: newId("integration"),
      orgId,
      appId,
      url: values.url,
      secretsCiphertext: values.secretsCiphertext,
      policy: values.policy ?? {},
      capabilities: values.capabilities ?? null,
      checkedAt: values.checkedAt ?? null,
      createdAt: now,
      updatedAt: now,
    };
  });
}

export async function findExecution(db: Db, orgId: string, idempotencyKey: string) {
  return findInOrg(db, db.t.actionExecutions, orgId, eq(db.t.actionExecutions.idempotencyKey, idempotencyKey));
}

/**
 * Claims an execution by inserting its row: the unique (org, key) index lets exactly one caller
 * win. The loser gets the winner's row and `claimed: false`, and must not call the app.
 */
export async function claimExecution(
  db: Db,
  orgId: string,
  input: Pick<ActionExecution, "appId" | "draftId" | "action" | "input" | "idempotencyKey">,
): Promise<{ execution: ActionExecution; claimed: boolean }> {
  const existing = await findExecution(db, orgId, input.idempotencyKey);
  if (existing) return { execution: existing, claimed: false };
  const now = new Date();
  const row: ActionExecution = {
    id: newId("actionExecution"),
    orgId,
    ...input,
    status: "running",
    result: null,
    error: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await db.q.insert(db.t.actionExecutions).values(row);
    return { execution: row, claimed: true };
  } catch (error) {
    const winner = await findExecution(db, orgId, input.idempotencyKey);
    if (winner) return { execution: winner, claimed: false };
    throw error;
  }
}

export async function finishExecution(
  db: Db,
  orgId: string,
  id: string,
  outcome: { status: "succeeded" | "failed"; result?: unknown; error?: string },
): Promise<void> {
  await updateInOrg(db, db.t.actionExecutions, orgId, id, {
    status: outcome.status,
    result: outcome.result ?? null,
    error: outcome.error ?? null,
    updatedAt: new Date(),
  });
}

export async function listExecutionsForDraft(db: Db, orgId: string, draftId: string): Promise<ActionExecution[]> {
  const t = db.t.actionExecutions;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.draftId, draftId)))
    .orderBy(asc(t.id));
}

export async function getStripeAccount(db: Db, orgId: string, appId: string): Promise<StripeAccount | undefined> {
  return findInOrg(db, db.t.stripeAccounts, orgId, eq(db.t.stripeAccounts.appId, appId));
}

/**
 * Stripe's webhooks name the connected account, not our org: like `findAppForWebhook`, this is
 * a lookup without an org id, and it is only called after the event's signature is verified.
 */
export async function findStripeAccountsByStripeId(db: Db, stripeAccountId: string): Promise<StripeAccount[]> {
  const t = db.t.stripeAccounts;
  return db.q.select().from(t).where(eq(t.stripeAccountId, stripeAccountId));
}

/** Connects (or reconnects) the app's Stripe account. */
export async function saveStripeAccount(
  db: Db,
  orgId: string,
  appId: string,
  values: Pick<StripeAccount, "stripeAccountId" | "status">,
): Promise<StripeAccount> {
  const t = db.t.stripeAccounts;
  return upsertInOrg(db, t, orgId, [eq(t.appId, appId)], values, (now) => ({
    id: newId("stripeAccount"),
    orgId,
    appId,
    ...values,
    createdAt: now,
    updatedAt: now,
  }));
}
