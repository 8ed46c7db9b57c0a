import { readFile, stat } from "node:fs/promises";
import { join, normalize, sep } from "node:path";
import { Hono } from "hono";
import { getMimeType } from "hono/utils/mime";
import type { ApiEnv } from "../context.js";

/** Paths owned by the API; the dashboard never answers for them, so their 404s stay problems. */
const API_PREFIXES = [
  "/api",
  "/webhooks",
  "/public",
  "/support",
  "/slack",
  "/openapi.json",
  "/metrics",
  "/health",
  "/front-plugin",
  "/widget",
  "/widget.js",
];

export function isDashboardPath(path: string): boolean {
  return !API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

async function readIfFile(path: string): Promise<Buffer | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? readFile(path) : undefined;
}

/**
 * The built dashboard (`apps/web/dist`): files as they are, and `index.html` for every other
 * GET so client-side routes survive a reload. Hashed assets are cached for good.
 */
export function webRoutes(distDir: string) {
  const router = new Hono<ApiEnv>();
  const root = normalize(distDir + sep);
  router.get("*", async (c, next) => {
    const path = decodeURIComponent(c.req.path);
    if (!isDashboardPath(path)) return next();
    const file = normalize(join(root, path));
    const asset = file.startsWith(root) && path !== "/" ? await readIfFile(file) : undefined;
    if (asset) {
      c.header("content-type", getMimeType(file) ?? "application/octet-stream");
      if (path.startsWith("/assets/")) c.header("cache-control", "public, max-age=31536000, immutable");
      return c.body(new Uint8Array(asset));
    }
    if (path.startsWith("/assets/")) return next();
    const index = await readIfFile(join(root, "index.html"));
    if (!index) return next();
    c.header("cache-control", "no-cache");
    return c.html(index.toString("utf8"));
  });
  return router;
}
