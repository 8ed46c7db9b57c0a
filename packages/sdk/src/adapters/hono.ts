import type { SupportHandler } from "../handler.js";

/**
 * `app.post("/support", honoHandler(handler))`. Typed structurally (only `c.req.raw` is used) so
 * the SDK carries no dependency on Hono.
 */
export function honoHandler(handler: SupportHandler): (c: { req: { raw: Request } }) => Promise<Response> {
  return (c) => handler(c.req.raw);
}
