import { authenticateApiKey, ROLES, type Role, roleAtLeast } from "@support/core";
import { findMember } from "@support/db";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./context.js";
import { problem } from "./problem.js";

/**
 * Who is calling: a bearer API key (SDK, CLI) or a dashboard session cookie. Either way the
 * principal carries one organization, and every query below is scoped by it.
 */
export const requireCaller = createMiddleware<ApiEnv>(async (c, next) => {
  const runtime = c.get("runtime");
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const key = match?.[1] ? await authenticateApiKey(runtime.database.db, match[1]) : undefined;
    if (!key) return problem(c, "unauthorized", "The API key is invalid or revoked.");
    c.set("principal", { orgId: key.orgId, role: key.role as Role, actor: `key:${key.id}` });
    return next();
  }
  const session = await runtime.auth.api.getSession({ headers: c.req.raw.headers });
  if (!session) return problem(c, "unauthorized", "Sign in, or send an API key as 'Authorization: Bearer sk_…'.");
  const orgId = session.session.activeOrganizationId;
  const member = orgId ? await findMember(runtime.database.db, orgId, session.user.id) : undefined;
  if (!orgId || !member || !ROLES.includes(member.role as Role)) {
    return problem(c, "forbidden", "Choose an organization you belong to first.");
  }
  c.set("principal", { orgId, role: member.role as Role, actor: `user:${session.user.id}` });
  await next();
});

export function requireRole(needed: Role) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    if (!roleAtLeast(c.get("principal").role, needed)) {
      return problem(c, "forbidden", `This action needs the ${needed} role.`);
    }
    await next();
  });
}
