import { authenticateVisitor } from "@support/core";
import type { Context } from "hono";
import type { ApiEnv } from "../context.js";

/** The session token: `Authorization: Bearer …`; the event stream, which EventSource opens, passes `?session=`. */
function visitorToken(c: Context<ApiEnv>): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
  return match?.[1] ?? c.req.query("session");
}

/** The visitor a widget request comes from (401 without a valid session, 403 from another origin). */
export function visitorOf(c: Context<ApiEnv>) {
  return authenticateVisitor(c.var.runtime.platform, {
    appId: c.req.param("app") ?? "",
    origin: c.req.header("origin"),
    token: visitorToken(c),
  });
}
