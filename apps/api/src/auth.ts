import { authenticateApiKey, type Role, roleAtLeast } from "@support/core";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./context.js";
import { problem } from "./problem.js";

/** Bearer API keys: the key decides the organization, so every query is scoped by it. */
export const requireApiKey = createMiddleware<ApiEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return problem(c, "unauthorized", "Send an API key as 'Authorization: Bearer sk_…'.");
  const key = await authenticateApiKey(c.get("runtime").database.db, match[1]);
  if (!key) return problem(c, "unauthorized", "The API key is invalid or revoked.");
  c.set("principal", { orgId: key.orgId, role: key.role as Role, actor: `key:${key.id}`, key });
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
