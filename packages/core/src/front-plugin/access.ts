import { createHash, timingSafeEqual } from "node:crypto";
import type { FrontTeammateView } from "@support/contract";
import {
  type Database,
  findMemberByEmail,
  findOrganizationBySlug,
  getFrontPluginConfig,
  type SecretBox,
} from "@support/db";
import { type Actor, ROLES, type Role } from "../service/context.js";
import { AppError } from "../service/errors.js";

export interface FrontPluginCredentials {
  /** The organization's slug, from the plugin URL registered in Front. */
  org: string;
  /** The plugin's auth secret, which Front appends to the plugin URL (`auth_secret`). */
  secret: string;
  /** The Front teammate's email, from the SDK's context. */
  teammateEmail: string;
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Who the plugin acts for. The secret proves the page was opened by the organization's Front
 * plugin; the teammate must be a member of the organization (same email), or the plugin sees
 * nothing. A wrong organization and a wrong secret get the same answer, so a caller cannot
 * probe which part was wrong. Returns the organization and the actor to build the context with.
 */
export async function authenticateFrontPlugin(
  db: Database,
  box: SecretBox,
  credentials: FrontPluginCredentials,
): Promise<{ orgId: string; actor: Actor; teammate: FrontTeammateView }> {
  const refused = new AppError("unauthorized", "The Front plugin's secret or organization is not recognised.");
  const org = await findOrganizationBySlug(db, credentials.org.trim().toLowerCase());
  const config = org && (await getFrontPluginConfig(db, org.id));
  if (!org || !config) throw refused;
  const stored = box.decrypt(config.secretCiphertext);
  if (!timingSafeEqual(digest(stored), digest(credentials.secret))) throw refused;
  const email = credentials.teammateEmail.trim().toLowerCase();
  const member = email ? await findMemberByEmail(db, org.id, email) : undefined;
  const role = member && ROLES.includes(member.role as Role) ? (member.role as Role) : undefined;
  if (!member || !role)
    throw new AppError(
      "forbidden",
      "This Front teammate is not a member of the organization: ask an admin to invite them.",
    );
  const actor: Actor = { kind: "front", role, name: `user:${member.userId}` };
  return { orgId: org.id, actor, teammate: { email, role, actor: actor.name } };
}
