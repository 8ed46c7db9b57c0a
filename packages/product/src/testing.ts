import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { changeApp, createApiKey, type DraftAction, initProduct, OPERATOR, type Role } from "@support/core";
import { type DraftRow, insertDraft, listMailsTo, tableDefs, transitionDraft, updateTask } from "@support/db";
import { backdateOrganization, isolatedMysqlUrl } from "@support/db/testing";
import { advanceEngineCron, advanceEngineWaits } from "@support/engine";
import { loadConfig } from "./config.js";
import { openProduct, type Product, type ProductOptions } from "./product.js";

const mysqlUrl = process.env.MYSQL_URL;

/** Polls until `check` holds (background work is asynchronous); fails with what it last saw. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < timeoutMs / 25; i++) {
    last = await read();
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

/** The suites that touch data run on SQLite and, under .ci/run (MYSQL_URL), on MySQL too. */
export const dialects = [
  { name: "sqlite", env: {} as Record<string, string>, skipReason: undefined as string | undefined },
  {
    name: "mysql",
    skipReason: mysqlUrl ? undefined : "MYSQL_URL is not set: runs under .ci/run",
    env: { DATABASE_URL: mysqlUrl ?? "", SECRETS_KEY: Buffer.alloc(32, 3).toString("base64") },
  },
];

export interface SeededProduct {
  runtime: Product;
  orgId: string;
  appId: string;
  ownerKey: string;
  signingSecret: string;
}

/**
 * A fresh product with one organization and app (`skill init`), on a data folder of its own; on
 * MySQL, in a database of this test file's own. With `pipeline`, the app answers at once (no
 * debounce) and the background work (engine, relay, Slack cards) is started.
 */
export async function openSeededProduct(
  env: Record<string, string>,
  name = "Acme",
  options: { pipeline?: boolean; product?: ProductOptions } = {},
): Promise<SeededProduct> {
  const databaseUrl = env.DATABASE_URL?.startsWith("mysql://") ? await isolatedMysqlUrl(env.DATABASE_URL) : undefined;
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), "support-product-")),
    // The fakes the suites start (product apps, vendors, sites) listen on 127.0.0.1: allowed
    // explicitly, as an operator of a self-hosted setup would (ADR 0100). A suite may override it.
    ALLOWED_OUTBOUND_NETWORKS: "127.0.0.0/8",
    ...env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const runtime = await openProduct(config, options.product);
  const suffix = Math.random().toString(36).slice(2, 8);
  const init = await initProduct(runtime.platform, { name: `${name} ${suffix}`, org: `Org ${suffix}` });
  if (options.pipeline) {
    await changeApp(runtime.contextFor(init.organization.id, OPERATOR), init.app.id, {
      settings: { debounceSeconds: 0 },
    });
    await runtime.start();
  }
  return {
    runtime,
    orgId: init.organization.id,
    appId: init.app.id,
    ownerKey: init.apiKey?.token ?? "",
    signingSecret: init.signingSecret ?? "",
  };
}

/** A new API key of that role in the organization; answers its token. */
export async function apiKeyFor(product: Product, orgId: string, role: Role, name: string = role): Promise<string> {
  return (await createApiKey(product.contextFor(orgId, OPERATOR), { name, role })).token;
}

type DraftFields = Parameters<typeof insertDraft>[1];

/**
 * A draft waiting for approval, stored as the pipeline would have stored it, for suites that act
 * on a draft (actions, refunds) without running the pipeline first.
 */
export async function seedPendingDraft(
  product: Product,
  draft: Pick<DraftFields, "orgId" | "appId" | "conversationId" | "messageId"> & Partial<DraftFields>,
): Promise<DraftRow> {
  return insertDraft(product.database.db, {
    status: "pending_approval",
    category: "billing",
    text: "We will refund your purchase.",
    citations: [],
    triage: {},
    gates: [],
    decision: {},
    usage: [],
    traceId: "trace",
    sentText: null,
    deliveryId: null,
    decidedBy: null,
    decidedAt: null,
    decidedVia: null,
    reason: null,
    remindedAt: null,
    customer: null,
    actions: null,
    ...draft,
  });
}

/** Replaces a waiting draft's proposed actions, as if the drafting step had proposed them. */
export async function setDraftActions(product: Product, orgId: string, draftId: string, actions: DraftAction[]) {
  const { changed } = await transitionDraft(product.database, orgId, draftId, ["pending_approval"], {
    status: "pending_approval",
    actions,
  });
  if (!changed) throw new Error(`draft ${draftId} is not waiting for approval`);
}

/**
 * Moves a cron function's next firing to `at` (in the past, it fires at the engine's next tick),
 * as if the clock had reached it. Answers the function's cron expression.
 */
export async function fireCron(product: Product, functionId: string, at: Date): Promise<string> {
  const { db } = product.database;
  const cron = (await db.q.select().from(db.t.engineCrons)).find((c) => c.functionId === functionId);
  if (!cron) throw new Error(`no cron registered for ${functionId}`);
  await advanceEngineCron(db, cron.id, cron.nextAt, at);
  return cron.cron;
}

/** The organization's memoized workflow steps (the engine's rows carry the tenant). */
export async function workflowStepsOf(product: Product, orgId: string) {
  const { db } = product.database;
  return (await db.q.select().from(db.t.engineSteps)).filter((step) => step.orgId === orgId);
}

/** Everything of the organization so far (drafts, executions, finished runs) happened at `then`; answers the runs. */
export function backdate(product: Product, orgId: string, then: Date): Promise<string[]> {
  return backdateOrganization(product.database.db, orgId, then);
}

/**
 * Every row that belongs to the organization (its own row and each row whose `orgId` is it),
 * table by table, serialized: equal snapshots mean nothing of the organization changed.
 * `ignore` names columns that move on reads alone (an API key's `lastUsedAt`).
 */
export async function organizationRows(
  product: Product,
  orgId: string,
  ignore: string[] = ["lastUsedAt"],
): Promise<Record<string, string[]>> {
  const { db } = product.database;
  const snapshot: Record<string, string[]> = {};
  for (const name of Object.keys(tableDefs) as (keyof typeof tableDefs)[]) {
    const rows = (await db.q.select().from(db.t[name] as never)) as Record<string, unknown>[];
    const owned = rows.filter((row) => row.orgId === orgId || (name === "organizations" && row.id === orgId));
    snapshot[name] = owned
      .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([key]) => !ignore.includes(key)))))
      .sort();
  }
  return snapshot;
}

/**
 * Where any of `needles` appears in the database: every row of every table, serialized, checked
 * for each needle (case-insensitive). For erasure tests: nothing may be left anywhere.
 */
export async function findInDatabase(
  product: Product,
  needles: string[],
): Promise<{ table: string; needle: string }[]> {
  const { db } = product.database;
  const found: { table: string; needle: string }[] = [];
  for (const name of Object.keys(tableDefs) as (keyof typeof tableDefs)[]) {
    const rows = await db.q.select().from(db.t[name] as never);
    const text = JSON.stringify(rows).toLowerCase();
    for (const needle of needles) if (text.includes(needle.toLowerCase())) found.push({ table: name, needle });
  }
  return found;
}

/**
 * As if the process died after the task tool answered and before the answer was recorded: the
 * task record is back at `creating` (the HubSpot exactly-once test; ClickUp has a real kill test).
 */
export async function forgetTaskAnswer(product: Product, orgId: string, taskId: string): Promise<void> {
  await updateTask(product.database.db, orgId, taskId, { status: "creating", externalId: null, url: null });
}

/** The clock reaches every open wait of the organization's runs (timeouts, sleeps): they end at the engine's next pass. */
export async function reachOpenWaits(product: Product, orgId: string): Promise<number> {
  return advanceEngineWaits(product.database.db, orgId, new Date(Date.now() - 1000));
}

/** The embedded mailbox's mails to one address, newest first: what a person would find in their inbox. */
export function mailsTo(product: Product, address: string) {
  return listMailsTo(product.database.db, address.toLowerCase(), 20);
}
