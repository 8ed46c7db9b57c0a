import { rateByLink } from "@support/core";
import { Hono } from "hono";
import type { ApiEnv } from "../context.js";
import { ratingPage } from "./rating-page.js";

const STATUS = { tampered: 400, expired: 410, gone: 404 } as const;

/**
 * The rating links under replies (ADR 0133): a public page, no login; the link's signature is
 * the credential. One click records (`?score=`), a later click changes the rating.
 */
export function ratingRoutes() {
  const router = new Hono<ApiEnv>();
  router.get("/rate/:token", async (c) => {
    const raw = c.req.query("score");
    const score = raw !== undefined && /^[1-5]$/.test(raw) ? Number(raw) : undefined;
    const page = await rateByLink(c.var.runtime.platform, c.req.param("token"), score);
    c.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    c.header("cache-control", "no-store");
    c.header("referrer-policy", "no-referrer");
    return c.html(ratingPage(page), page.kind === "refused" ? STATUS[page.reason] : 200);
  });
  return router;
}
