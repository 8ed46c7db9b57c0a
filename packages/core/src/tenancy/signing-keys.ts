import { randomBytes } from "node:crypto";
import type { RotatedSigningKeys, SigningKeysView } from "@support/contract";
import {
  deactivateSigningKeys,
  insertSigningKey,
  latestSigningKeyVersion,
  listActiveSigningKeys,
  type SigningKeyRow,
} from "@support/db";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { requireApp } from "./apps.js";

/**
 * The app's webhook signing secrets (generic/SDK and email channels, and the generic channel's
 * signed replies). A rotation adds a key beside the current one: both verify inbound requests
 * and both sign outbound ones until the old one is removed, so senders switch when they deploy.
 */

export function generateSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

const view = (appId: string, rows: SigningKeyRow[]): SigningKeysView => ({
  appId,
  keys: rows.map((k) => ({ id: k.id, version: k.keyVersion, createdAt: k.createdAt.toISOString() })),
});

/** The live keys of an app, never their secrets. */
export async function describeSigningKeys(ctx: ServiceContext, appRef: string): Promise<SigningKeysView> {
  const app = await requireApp(ctx, appRef);
  return view(app.id, await listActiveSigningKeys(ctx.db, ctx.org.id, app.id));
}

/**
 * Starts a rotation (admins only): a new key (returned once) verifies and signs beside the
 * newest current one. Rotating again before removing the old key retires the oldest, so at most
 * two keys are live.
 */
export async function rotateSigningKey(ctx: ServiceContext, appRef: string): Promise<RotatedSigningKeys> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const orgId = ctx.org.id;
  const secret = generateSigningSecret();
  const keys = await commitChange(ctx, async (tx, log) => {
    const current = await listActiveSigningKeys(tx, orgId, app.id);
    const version = (await latestSigningKeyVersion(tx, orgId, app.id)) + 1;
    await deactivateSigningKeys(
      tx,
      orgId,
      current.slice(1).map((k) => k.id),
    );
    const secretCiphertext = ctx.ports.secrets.encrypt(secret);
    await insertSigningKey(tx, { orgId, appId: app.id, secretCiphertext, keyVersion: version });
    await log.audit({ action: "signing_key.rotated", subject: app.id, data: { version } });
    return listActiveSigningKeys(tx, orgId, app.id);
  });
  return { ...view(app.id, keys), secret };
}

/** Ends a rotation (admins only): only the newest key verifies and signs from now on (a no-op when it already is so). */
export async function removeOldSigningKeys(ctx: ServiceContext, appRef: string): Promise<SigningKeysView> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const orgId = ctx.org.id;
  const keys = await commitChange(ctx, async (tx, log) => {
    const current = await listActiveSigningKeys(tx, orgId, app.id);
    const old = current.slice(1);
    if (old.length === 0) return current;
    await deactivateSigningKeys(
      tx,
      orgId,
      old.map((k) => k.id),
    );
    await log.audit({
      action: "signing_key.old_removed",
      subject: app.id,
      data: { versions: old.map((k) => k.keyVersion) },
    });
    return listActiveSigningKeys(tx, orgId, app.id);
  });
  return view(app.id, keys);
}
