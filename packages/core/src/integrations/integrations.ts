import { randomBytes } from "node:crypto";
import {
  actionPolicySchema,
  type IntegrationHealth,
  type IntegrationView,
  type IntegrationWithSecret,
  type RotatedIntegration,
} from "@support/contract";
import { type AppIntegration, type Db, getIntegration, type SecretBox, saveIntegration } from "@support/db";
import { callProductApp, ProductAppError } from "@support/sdk";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import { type ActionPolicy, parsePolicy } from "./policy.js";

/** The URL and the secrets to sign with, newest first: what `callProductApp` needs. */
export interface LoadedIntegration {
  appId: string;
  url: string;
  secrets: string[];
  policy: ActionPolicy;
  capabilities: string[] | null;
}

/** What `loadIntegration` reads with: the database and the box the secrets are sealed in. */
export interface IntegrationDeps {
  db: Db;
  secrets: SecretBox;
}

export function generateIntegrationSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

function publicIntegration(row: AppIntegration, box: SecretBox): IntegrationView {
  return {
    appId: row.appId,
    url: row.url,
    activeSecrets: decryptSecrets(box, row).length,
    policy: parsePolicy(row.policy),
    capabilities: (row.capabilities as string[] | null) ?? null,
    checkedAt: row.checkedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function decryptSecrets(box: SecretBox, row: AppIntegration): string[] {
  return JSON.parse(box.decrypt(row.secretsCiphertext)) as string[];
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("invalid_input", "url: not a valid URL");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new AppError("invalid_input", "url: must be http or https");
  }
  return parsed.toString();
}

function checkSecret(secret: string): string {
  if (secret.length < 16) throw new AppError("invalid_input", "secret: at least 16 characters");
  return secret;
}

/**
 * Registers (or re-registers) where the platform calls the app; admins only. A given secret
 * replaces every stored one; without one a secret is generated and returned once (it is not
 * readable later). Re-registering only the URL or the policy keeps the secrets. The policy is
 * checked here too: the local CLI calls this without the route's validation.
 */
export async function integrateApp(
  ctx: ServiceContext,
  appRef: string,
  input: { url: string; secret?: string; policy?: unknown },
): Promise<IntegrationWithSecret> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const url = checkUrl(input.url);
  const policy = input.policy === undefined ? undefined : actionPolicySchema.safeParse(input.policy);
  if (policy && !policy.success) {
    throw new AppError("invalid_input", `policy: ${policy.error.issues.map((i) => i.message).join("; ")}`);
  }
  const given = input.secret === undefined ? undefined : checkSecret(input.secret);
  const { row, generated } = await commitChange(ctx, async (tx, log) => {
    const existing = await getIntegration(tx, ctx.org.id, app.id);
    const generated = given === undefined && !existing ? generateIntegrationSecret() : undefined;
    const secret = given ?? generated;
    const row = await saveIntegration(tx, ctx.org.id, app.id, {
      url,
      ...(secret ? { secretsCiphertext: ctx.ports.secrets.encrypt(JSON.stringify([secret])) } : {}),
      ...(policy?.success ? { policy: policy.data } : {}),
    });
    await log.audit({
      action: "integration.configured",
      subject: app.id,
      data: { url, secretChanged: Boolean(secret), policy: policy?.success ? Object.keys(policy.data) : [] },
    });
    return { row, generated };
  });
  return { integration: publicIntegration(row, ctx.ports.secrets), secret: generated };
}

/**
 * Starts a rotation (admins only): the new secret (given or generated, returned once) signs
 * calls beside the current one until `finishSecretRotation`, so the app can switch whenever it
 * deploys.
 */
export async function rotateIntegrationSecret(
  ctx: ServiceContext,
  appRef: string,
  input: { secret?: string },
): Promise<RotatedIntegration> {
  requireRole(ctx, "admin");
  return commitChange(ctx, async (tx, log) => {
    const { app, row } = await requireIntegration(ctx, appRef, tx);
    const secret = input.secret !== undefined ? checkSecret(input.secret) : generateIntegrationSecret();
    const current = decryptSecrets(ctx.ports.secrets, row)[0];
    const secrets = current && current !== secret ? [secret, current] : [secret];
    const saved = await saveIntegration(tx, ctx.org.id, app.id, {
      secretsCiphertext: ctx.ports.secrets.encrypt(JSON.stringify(secrets)),
    });
    await log.audit({ action: "integration.secret_rotated", subject: app.id });
    return { integration: publicIntegration(saved, ctx.ports.secrets), secret };
  });
}

/** Ends a rotation (admins only): only the newest secret signs from now on. */
export async function finishSecretRotation(ctx: ServiceContext, appRef: string): Promise<IntegrationView> {
  requireRole(ctx, "admin");
  return commitChange(ctx, async (tx, log) => {
    const { app, row } = await requireIntegration(ctx, appRef, tx);
    const newest = decryptSecrets(ctx.ports.secrets, row).slice(0, 1);
    const saved = await saveIntegration(tx, ctx.org.id, app.id, {
      secretsCiphertext: ctx.ports.secrets.encrypt(JSON.stringify(newest)),
    });
    await log.audit({ action: "integration.old_secret_removed", subject: app.id });
    return publicIntegration(saved, ctx.ports.secrets);
  });
}

async function requireIntegration(ctx: ServiceContext, appRef: string, db: Db = ctx.db) {
  const app = await requireApp(ctx, appRef, db);
  const row = await getIntegration(db, ctx.org.id, app.id);
  if (!row) throw new AppError("not_found", `app "${appRef}" has no integration; run \`skill apps integrate\` first`);
  return { app, row };
}

/** The app's integration without its secrets; any member. */
export async function describeIntegrationOf(ctx: ServiceContext, appRef: string): Promise<IntegrationView> {
  const { row } = await requireIntegration(ctx, appRef);
  return publicIntegration(row, ctx.ports.secrets);
}

/**
 * The integration by app id, decrypted, or undefined when the app has none (not an error: most
 * have none). A lookup for the workflow steps (gather, action setup, executing an approved
 * action) that already hold a verified app id, so it takes no actor.
 */
export async function loadIntegration(
  deps: IntegrationDeps,
  orgId: string,
  appId: string,
): Promise<LoadedIntegration | undefined> {
  const row = await getIntegration(deps.db, orgId, appId);
  if (!row) return undefined;
  return {
    appId,
    url: row.url,
    secrets: decryptSecrets(deps.secrets, row),
    policy: parsePolicy(row.policy),
    capabilities: (row.capabilities as string[] | null) ?? null,
  };
}

const DESCRIBE_TIMEOUT_MS = 5_000;

/**
 * Calls the app's signed `describe` and records what it implements; any member. An unreachable
 * or misconfigured app is a report (`ok: false`), not an error: that is what the command is for.
 */
export async function checkIntegrationHealth(ctx: ServiceContext, appRef: string): Promise<IntegrationHealth> {
  const { app, row } = await requireIntegration(ctx, appRef);
  const started = performance.now();
  try {
    const described = await callProductApp({
      url: row.url,
      secret: decryptSecrets(ctx.ports.secrets, row),
      action: "describe",
      input: {},
      timeoutMs: DESCRIBE_TIMEOUT_MS,
      fetch: ctx.ports.outbound.fetch,
    });
    const latencyMs = Math.round(performance.now() - started);
    await saveIntegration(ctx.db, ctx.org.id, app.id, { capabilities: described.capabilities, checkedAt: new Date() });
    return { ok: true, url: row.url, latencyMs, ...described };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    if (!(error instanceof ProductAppError)) throw error;
    return {
      ok: false,
      url: row.url,
      latencyMs,
      error: { kind: error.kind, message: error.message, status: error.details.status },
    };
  }
}
