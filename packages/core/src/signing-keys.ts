import { randomBytes } from "node:crypto";
import {
  appendAudit,
  type Database,
  deactivateSigningKeys,
  getApp,
  insertSigningKey,
  latestSigningKeyVersion,
  listActiveSigningKeys,
  type SecretBox,
  type SigningKeyRow,
} from "@support/db";
import { AppError } from "./errors.js";

/**
 * The app's webhook signing secrets (generic/SDK and email channels, and the generic channel's
 * signed replies). A rotation adds a key beside the current one: both verify inbound requests
 * and both sign outbound ones until the old one is removed, so senders switch when they deploy.
 */

/** A signing key as the API shows it: never the secret, which is returned once, at rotation. */
export interface SigningKeyView {
  id: string;
  version: number;
  createdAt: string;
}

export interface SigningKeysView {
  appId: string;
  /** Newest first; two while a rotation overlaps. */
  keys: SigningKeyView[];
}

export function generateSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

const view = (appId: string, rows: SigningKeyRow[]): SigningKeysView => ({
  appId,
  keys: rows.map((k) => ({ id: k.id, version: k.keyVersion, createdAt: k.createdAt.toISOString() })),
});

async function requireAppId(database: Database, orgId: string, ref: string): Promise<string> {
  const app = await getApp(database.db, orgId, ref);
  if (!app) throw new AppError("not_found", `app "${ref}" not found`);
  return app.id;
}

export async function describeSigningKeys(database: Database, orgId: string, appRef: string): Promise<SigningKeysView> {
  const appId = await requireAppId(database, orgId, appRef);
  return view(appId, await listActiveSigningKeys(database.db, orgId, appId));
}

/**
 * Starts a rotation: a new key (returned once) verifies and signs beside the newest current one.
 * Rotating again before removing the old key retires the oldest, so at most two keys are live.
 */
export async function rotateSigningKey(
  database: Database,
  box: SecretBox,
  orgId: string,
  appRef: string,
  actor: string,
): Promise<SigningKeysView & { secret: string }> {
  const appId = await requireAppId(database, orgId, appRef);
  const secret = generateSigningSecret();
  const keys = await database.transaction(async (tx) => {
    const current = await listActiveSigningKeys(tx, orgId, appId);
    const version = (await latestSigningKeyVersion(tx, orgId, appId)) + 1;
    await deactivateSigningKeys(
      tx,
      orgId,
      current.slice(1).map((k) => k.id),
    );
    await insertSigningKey(tx, { orgId, appId, secretCiphertext: box.encrypt(secret), keyVersion: version });
    await appendAudit(tx, orgId, { actor, action: "signing_key.rotated", subject: appId, data: { version } });
    return listActiveSigningKeys(tx, orgId, appId);
  });
  return { ...view(appId, keys), secret };
}

/** Ends a rotation: only the newest key verifies and signs from now on (a no-op when it already is so). */
export async function removeOldSigningKeys(
  database: Database,
  orgId: string,
  appRef: string,
  actor: string,
): Promise<SigningKeysView> {
  const appId = await requireAppId(database, orgId, appRef);
  const keys = await database.transaction(async (tx) => {
    const current = await listActiveSigningKeys(tx, orgId, appId);
    const old = current.slice(1);
    if (old.length === 0) return current;
    await deactivateSigningKeys(
      tx,
      orgId,
      old.map((k) => k.id),
    );
    await appendAudit(tx, orgId, {
      actor,
      action: "signing_key.old_removed",
      subject: appId,
      data: { versions: old.map((k) => k.keyVersion) },
    });
    return listActiveSigningKeys(tx, orgId, appId);
  });
  return view(appId, keys);
}
