import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { problemResponse } from "@support/contract";
import { analyticsReport, METRIC_DEFINITIONS } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
const counts = z.record(z.string(), z.number()).openapi({ description: "Count per channel or category" });

const figures = z.object({
  conversations: z.number(),
  byChannel: counts,
  byCategory: counts,
  responded: z.number(),
  firstResponseAvgMs: z.number().nullable(),
  resolved: z.number(),
  resolutionAvgMs: z.number().nullable(),
  deflected: z.number(),
  deflectionRate: z.number().nullable(),
  drafts: z.number(),
  autoSent: z.number(),
  autoSendRate: z.number().nullable(),
  humanDecided: z.number(),
  approved: z.number(),
  approvalRate: z.number().nullable(),
  unchanged: z.number(),
  edited: z.number(),
  rewritten: z.number(),
});

const definition = z.object({ label: z.string(), definition: z.string() });
const definitions = z.object(
  Object.fromEntries(Object.keys(METRIC_DEFINITIONS).map((id) => [id, definition])) as Record<
    keyof typeof METRIC_DEFINITIONS,
    typeof definition
  >,
);

export const analyticsSchema = z
  .object({
    range: z.object({
      from: z.string(),
      to: z.string(),
      bucket: z.enum(["day", "week"]),
      app: z.string().nullable(),
    }),
    definitions: definitions.openapi({ description: "What each metric counts, as the dashboard shows it" }),
    channels: z.array(z.string()),
    categories: z.array(z.string()),
    totals: figures,
    buckets: z.array(figures.extend({ start: z.string().openapi({ description: "First day of the bucket (UTC)" }) })),
  })
  .openapi("Analytics");

/** Analytics over a range of days: thin over `analyticsReport`. */
export function analyticsRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["analytics"],
      request: {
        query: z.object({
          app: z.string().min(1).max(100).optional().openapi({ description: "App id or slug; all apps when omitted" }),
          from: day.optional().openapi({ description: "First day (UTC), default 29 days before `to`" }),
          to: day.optional().openapi({ description: "Last day (UTC, included), default today" }),
          bucket: z.enum(["day", "week"]).default("day"),
        }),
      },
      responses: {
        200: {
          description: "Figures per bucket and for the whole range, with each metric's definition",
          content: { "application/json": { schema: analyticsSchema } },
        },
        400: problemResponse("Invalid range (reversed, or longer than 366 days)"),
        401: problemResponse("Missing or invalid credentials"),
        404: problemResponse("No such app in this organization"),
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      return c.json(await analyticsReport(runtime.database, principal.orgId, c.req.valid("query")), 200);
    },
  );
  return router;
}
