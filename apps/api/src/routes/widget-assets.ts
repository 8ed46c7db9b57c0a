import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Hono } from "hono";
import type { ApiEnv } from "../context.js";

/** The panel's file names carry their content hash: anything else under /widget/ is not ours. */
const PANEL_FILE = /^panel\.[0-9a-f]{12}\.js$/;

/**
 * The built widget (`packages/widget/dist`): `/widget.js`, the loader host pages include (cached
 * for minutes, so a new build reaches them soon), and `/widget/panel.<hash>.js`, cached for good.
 * Both are public code that host pages on any origin load (the panel as a module, hence CORS).
 */
export function widgetAssetRoutes(distDir: string) {
  const router = new Hono<ApiEnv>();
  const serve = async (file: string, cache: string) => {
    const body = await readFile(join(distDir, file)).catch(() => undefined);
    if (!body) return undefined;
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": cache,
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
        "x-content-type-options": "nosniff",
      },
    });
  };
  router.get("/widget.js", async (_c, next) => (await serve("widget.js", "public, max-age=300")) ?? next());
  router.get("/widget/:file", async (c, next) => {
    const file = c.req.param("file");
    if (!PANEL_FILE.test(file)) return next();
    return (await serve(join("widget", file), "public, max-age=31536000, immutable")) ?? next();
  });
  return router;
}
