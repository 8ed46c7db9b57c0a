import { ROLES, type Role } from "@support/contract";
import type { Database } from "@support/db";
import { AppError } from "./errors.js";
import type { Platform, Ports } from "./ports.js";

export { ROLES, type Role };

const RANK: Record<Role, number> = { agent: 1, admin: 2, owner: 3 };
export const roleAtLeast = (role: Role, needed: Role) => RANK[role] >= RANK[needed];

/**
 * Who acts: a dashboard user, an API key (SDK, remote CLI), a Slack user, the operator at the
 * local CLI (who holds the data folder, so the owner's rights), a workflow function, a member
 * working in Front's sidebar plugin, or a widget visitor (public, app-scoped routes only).
 */
export type ActorKind = "user" | "api_key" | "slack" | "operator" | "workflow" | "front" | "visitor";

export interface Actor {
  kind: ActorKind;
  role: Role;
  /** How the audit log and decisions name the actor: `user:<id>`, `key:<id>`, `slack:<name>`, `cli`, `pipeline`. */
  name: string;
}

export const OPERATOR: Actor = { kind: "operator", role: "owner", name: "cli" };
export const WORKFLOW: Actor = { kind: "workflow", role: "owner", name: "pipeline" };

/**
 * What every service takes: the database, the organization it acts in, who acts (with their
 * role), and the ports. Services check the role themselves, so the API, the CLI, Slack and the
 * SDK's client get the same rules, and every query is scoped by `org.id`.
 */
export interface ServiceContext {
  db: Database;
  org: { id: string };
  actor: Actor;
  ports: Ports;
}

export function serviceContext(platform: Platform, orgId: string, actor: Actor): ServiceContext {
  return { db: platform.db, org: { id: orgId }, actor, ports: platform.ports };
}

/** Refuses the call unless the actor's role is at least `needed`. */
export function requireRole(ctx: Pick<ServiceContext, "actor">, needed: Role): void {
  if (!roleAtLeast(ctx.actor.role, needed)) throw new AppError("forbidden", `This action needs the ${needed} role.`);
}

/** Where a decision was taken, as drafts record it (`decidedVia`). */
export type Surface = "dashboard" | "api" | "slack" | "cli" | "channel" | "front";

export function surfaceOf(actor: Actor): Surface {
  switch (actor.kind) {
    case "user":
      return "dashboard";
    case "slack":
      return "slack";
    case "operator":
      return "cli";
    case "front":
      return "front";
    default:
      return "api";
  }
}
