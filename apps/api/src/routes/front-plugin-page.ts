import { readFile, stat } from "node:fs/promises";
import { join, normalize, sep } from "node:path";
import { Hono } from "hono";
import { getMimeType } from "hono/utils/mime";
import type { ApiEnv } from "../context.js";

async function readIfFile(path: string): Promise<Buffer | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? readFile(path) : undefined;
}

/**
 * The built sidebar plugin (`apps/front-plugin/dist`) under `/front-plugin/`. Only the
 * configured ancestors (Front's domains) may frame it, and no page it opens learns its URL:
 * Front puts the plugin's `auth_secret` in that URL.
 */
export function frontPluginPageRoutes(distDir: string) {
  const router = new Hono<ApiEnv>();
  const root = normalize(distDir + sep);
  router.get("/*", async (c, next) => {
    // The page's relative URLs (assets, `api/…`) need the trailing slash; Front keeps the query.
    if (c.req.path === "/front-plugin") return c.redirect(`/front-plugin/${new URL(c.req.url).search}`, 308);
    const relative = decodeURIComponent(c.req.path).slice("/front-plugin".length) || "/";
    if (relative.startsWith("/api/")) return next();
    const file = normalize(join(root, relative === "/" ? "index.html" : relative));
    const body = file.startsWith(root) ? await readIfFile(file) : undefined;
    if (!body) return next();
    c.header("content-type", getMimeType(file) ?? "application/octet-stream");
    c.header("referrer-policy", "no-referrer");
    c.header("x-content-type-options", "nosniff");
    if (relative.startsWith("/assets/")) c.header("cache-control", "public, max-age=31536000, immutable");
    else {
      c.header("cache-control", "no-store");
      c.header(
        "content-security-policy",
        `frame-ancestors ${c.var.runtime.config.frontPluginFrameAncestors}; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:`,
      );
    }
    return c.body(new Uint8Array(body));
  });
  return router;
}
