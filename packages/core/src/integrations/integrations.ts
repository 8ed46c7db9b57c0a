import { randomBytes } from "node:crypto";
import {
  type AppIntegration,
  appendAudit,
  type Db,
  getApp,
  getIntegration,
  type SecretBox,
  saveIntegration,
} from "@support/db";
import { callProductApp, ProductAppError } from "@support/sdk";
import { AppError } from "../service/errors.js";
import { type ActionPolicy, actionPolicySchema, parsePolicy } from "./policy.js";

/** What an integration looks like from outside: never its secrets, only how many are live. */
export interface IntegrationView {
  appId: string;
  url: string;
  /** 2 while a rotation overlaps (the new and the old secret both sign calls), else 1. */
  activeSecrets: number;
  policy: ActionPolicy;
  capabilities: string[] | null;
  checkedAt: string | null;
  updatedAt: string;
}

/** The URL and the secrets to sign with, newest first: what `callProductApp` needs. */
export interface LoadedIntegration {
  appId: string;
  url: string;
  secrets: string[];
  policy: ActionPolicy;
  capabilities: string[] | null;
}

export interface IntegrationDeps {
  db: Db;
  secrets: SecretBox;
}

export function generateIntegrationSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

function view(row: AppIntegration, box: SecretBox): IntegrationView {
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

async function requireAppId(db: Db, orgId: string, ref: string): Promise<string> {
  const app = await getApp(db, orgId, ref);
  if (!app) throw new AppError("not_found", `app "${ref}" not found`);
  return app.id;
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
 * Registers (or re-registers) where the platform calls the app. A given secret replaces every
 * stored one; without one a secret is generated and returned once (it is not readable later).
 * Re-registering only the URL or the policy keeps the secrets.
 */
export async function integrateApp(
  deps: IntegrationDeps,
  orgId: string,
  appRef: string,
  input: { url: string; secret?: string; policy?: unknown },
  actor: string,
): Promise<{ integration: IntegrationView; secret?: string }> {
  const appId = await requireAppId(deps.db, orgId, appRef);
  const url = checkUrl(input.url);
  const policy = input.policy === undefined ? undefined : actionPolicySchema.safeParse(input.policy);
  if (policy && !policy.success) {
    throw new AppError("invalid_input", `policy: ${policy.error.issues.map((i) => i.message).join("; ")}`);
  }
  const existing = await getIntegration(deps.db, orgId, appId);
  const generated = input.secret === undefined && !existing ? generateIntegrationSecret() : undefined;
  const secret = input.secret !== undefined ? checkSecret(input.secret) : generated;
  const row = await saveIntegration(deps.db, orgId, appId, {
    url,
    ...(secret ? { secretsCiphertext: deps.secrets.encrypt(JSON.stringify([secret])) } : {}),
    ...(policy?.success ? { policy: policy.data } : {}),
  });
  await appendAudit(deps.db, orgId, {
    actor,
    action: "integration.configured",
    subject: appId,
    data: { url, secretChanged: Boolean(secret), policy: policy?.success ? Object.keys(policy.data) : [] },
  });
  return { integration: view(row, deps.secrets), secret: generated };
}

/**
 * Starts a rotation: the new secret (given or generated, returned once) signs calls beside
 * the current one until `finishSecretRotation`, so the app can switch whenever it deploys.
 */
export async function rotateIntegrationSecret(
  deps: IntegrationDeps,
  orgId: string,
  appRef: string,
  input: { secret?: string },
  actor: string,
): Promise<{ integration: IntegrationView; secret: string }> {
  const { appId, row } = await requireIntegration(deps.db, orgId, appRef);
  const secret = input.secret !== undefined ? checkSecret(input.secret) : generateIntegrationSecret();
  const current = decryptSecrets(deps.secrets, row)[0];
  const secrets = current && current !== secret ? [secret, current] : [secret];
  const saved = await saveIntegration(deps.db, orgId, appId, {
    secretsCiphertext: deps.secrets.encrypt(JSON.stringify(secrets)),
  });
  await appendAudit(deps.db, orgId, { actor, action: "integration.secret_rotated", subject: appId });
  return { integration: view(saved, deps.secrets), secret };
}

/** Ends a rotation: only the newest secret signs from now on. */
export async function finishSecretRotation(
  deps: IntegrationDeps,
  orgId: string,
  appRef: string,
  actor: string,
): Promise<IntegrationView> {
  const { appId, row } = await requireIntegration(deps.db, orgId, appRef);
  const newest = decryptSecrets(deps.secrets, row).slice(0, 1);
  const saved = await saveIntegration(deps.db, orgId, appId, {
    secretsCiphertext: deps.secrets.encrypt(JSON.stringify(newest)),
  });
  await appendAudit(deps.db, orgId, { actor, action: "integration.old_secret_removed", subject: appId });
  return view(saved, deps.secrets);
}

async function requireIntegration(db: Db, orgId: string, appRef: string) {
  const appId = await requireAppId(db, orgId, appRef);
  const row = await getIntegration(db, orgId, appId);
  if (!row) throw new AppError("not_found", `app "${appRef}" has no integration; run \`skill apps integrate\` first`);
  return { appId, row };
}

export async function describeIntegrationOf(
  deps: IntegrationDeps,
  orgId: string,
  appRef: string,
): Promise<IntegrationView> {
  const { row } = await requireIntegration(deps.db, orgId, appRef);
  return view(row, deps.secrets);
}

/** The integration by app id, decrypted, or undefined when the app has none (not an error: most have none). */
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

export interface HealthReport {
  ok: boolean;
  url: string;
  latencyMs: number;
  sdkVersion?: string;
  capabilities?: string[];
  /** Why the app could not be described: the SDK's failure kind and its message. */
  error?: { kind: string; message: string; status?: number };
}

/**
 * Calls the app's signed `describe` and records what it implements. An unreachable or
 * misconfigured app is a report (`ok: false`), not an error: that is what the command is for.
 */
export async function checkIntegrationHealth(
  deps: IntegrationDeps,
  orgId: string,
  appRef: string,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<HealthReport> {
  const { appId, row } = await requireIntegration(deps.db, orgId, appRef);
  const started = performance.now();
  try {
    const described = await callProductApp({
      url: row.url,
      secret: decryptSecrets(deps.secrets, row),
      action: "describe",
      input: {},
      timeoutMs: options.timeoutMs ?? 5_000,
      fetch: options.fetch,
    });
    const latencyMs = Math.round(performance.now() - started);
    await saveIntegration(deps.db, orgId, appId, { capabilities: described.capabilities, checkedAt: new Date() });
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
