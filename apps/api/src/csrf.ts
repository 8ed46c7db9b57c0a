import type { Context } from "hono";
import type { ApiEnv } from "./context.js";
import { problem } from "./problem.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** The routes that take a file upload from the dashboard: knowledge documents and product catalogues. */
const MULTIPART_PATHS = [/^\/api\/v1\/knowledge\/sources$/, /^\/api\/v1\/apps\/[^/]+\/products\/import$/];

/**
 * Cross-site request refusal for cookie-authenticated mutations (ADR 0102). A browser attaches
 * the session cookie to a request another site makes; SameSite=Lax alone leaves same-site
 * subdomains and older browsers. So a mutation must come from the dashboard's own origin
 * (Fetch Metadata, else `Origin` against `PUBLIC_URL`) and carry a JSON body, which a
 * cross-site page cannot send without a CORS preflight this server never grants. API-key
 * requests carry no ambient credential and are not checked. Returns a response to refuse with.
 */
export function refuseCrossSite(c: Context<ApiEnv>): Response | undefined {
  if (SAFE_METHODS.has(c.req.method)) return undefined;
  const fetchSite = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  const publicOrigin = new URL(c.get("runtime").config.publicUrl).origin;
  const sameSite = fetchSite !== undefined ? fetchSite === "same-origin" || fetchSite === "none" : undefined;
  const sameOrigin = origin !== undefined ? origin === publicOrigin : undefined;
  if (sameSite === false || (sameSite === undefined && sameOrigin === false)) {
    return problem(c, "forbidden", "Cross-site requests with a session cookie are refused; use an API key.");
  }
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") return undefined;
  // A file upload is a form a cross-site page could post: it must prove its origin, not just not disprove it.
  if (
    type === "multipart/form-data" &&
    MULTIPART_PATHS.some((path) => path.test(c.req.path)) &&
    (sameSite || sameOrigin)
  ) {
    return undefined;
  }
  return problem(c, "unsupported_media_type", "Dashboard requests that change something must send application/json.");
}
