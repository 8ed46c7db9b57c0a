import type { SupportHandler } from "../handler.js";

/**
 * For a Next.js App Router route (`app/api/support/route.ts`):
 * `export const { POST } = nextRouteHandler(handler);` together with `export const runtime = "nodejs";`
 * (signing uses `node:crypto`). Next passes a `Request` subclass and accepts a `Response`.
 */
export function nextRouteHandler(handler: SupportHandler): { POST: (request: Request) => Promise<Response> } {
  // Named first: a capitalised function defined inline reads as a React component to the linter.
  const post = (request: Request) => handler(request);
  return { POST: post };
}
