import { type Actor, authenticateApiKey, memberRole, type Role, roleAtLeast } from "@support/core";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./context.js";
import { refuseCrossSite } from "./csrf.js";
import { problem } from "./problem.js";

function authenticated(c: Context<ApiEnv>, orgId: string, actor: Actor) {
  c.set("principal", { orgId, role: actor.role, actor: actor.name });
  c.set("ctx", c.var.runtime.contextFor(orgId, actor));
}

/**
 * Who is calling: a bearer API key (SDK, CLI) or a dashboard session cookie. Either way the
 * caller acts in one organization with one role; the service context carries both to every
 * service, which scopes its queries by the organization and checks the role itself.
 */
export const requireCaller = createMiddleware<ApiEnv>(async (c, next) => {
  const runtime = c.get("runtime");
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const key = match?.[1] ? await authenticateApiKey(runtime.database, match[1]) : undefined;
    if (!key) return problem(c, "unauthorized", "The API key is invalid or revoked.");
    authenticated(c, key.orgId, { kind: "api_key", role: key.role as Role, name: `key:${key.id}` });
    const token = match?.[1] ?? "";
    c.set("stillAuthorized", async () => (await authenticateApiKey(runtime.database, token))?.id === key.id);
    return next();
  }
  const session = await (await runtime.auth()).api.getSession({ headers: c.req.raw.headers });
  if (!session) return problem(c, "unauthorized", "Sign in, or send an API key as 'Authorization: Bearer sk_…'.");
  const refused = refuseCrossSite(c);
  if (refused) return refused;
  const orgId = session.session.activeOrganizationId;
  const role = orgId ? await memberRole(runtime.database, orgId, session.user.id) : undefined;
  if (!orgId || !role) return problem(c, "forbidden", "Choose an organization you belong to first.");
  authenticated(c, orgId, { kind: "user", role, name: `user:${session.user.id}` });
  const headers = c.req.raw.headers;
  c.set("stillAuthorized", async () => {
    const current = await (await runtime.auth()).api.getSession({ headers });
    return (
      current?.session.id === session.session.id &&
      current.session.activeOrganizationId === orgId &&
      (await memberRole(runtime.database, orgId, session.user.id)) === role
    );
  });
  await next();
});

/** The route-level role check, kept where a route is only for a role (the service checks again). */
export function requireRole(needed: Role) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    if (!roleAtLeast(c.get("principal").role, needed)) {
      return problem(c, "forbidden", `This action needs the ${needed} role.`);
    }
    await next();
  });
}
