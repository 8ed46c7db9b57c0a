import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { problemResponse } from "@support/contract";
import { shadowForApp, trustForApp, trustHistory } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const appParam = z.object({ app: z.string().min(1).max(100) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
const errors = {
  401: problemResponse("Missing or invalid credentials"),
  404: problemResponse("No such app in this organization"),
};

/** Trust per category (now and day by day) and the shadow-mode report, computed from stored outcomes. */
export function autonomyRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/trust",
      tags: ["autonomy"],
      request: { params: appParam },
      responses: {
        200: {
          description: "Decayed trust per category (30-day half-life) with sample counts",
          content: {
            "application/json": {
              schema: z.object({
                data: z.array(z.object({ category: z.string(), score: z.number().nullable(), samples: z.number() })),
              }),
            },
          },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      return c.json({ data: await trustForApp(runtime.database.db, principal.orgId, c.req.valid("param").app) }, 200);
    },
  );
  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/trust/history",
      tags: ["autonomy"],
      request: {
        params: appParam,
        query: z.object({
          from: day.optional().openapi({ description: "First day (UTC), default 29 days before `to`" }),
          to: day.optional().openapi({ description: "Last day (UTC, included), default today" }),
        }),
      },
      responses: {
        200: {
          description:
            "Trust per category at the end of each day (now, for today), by the same function and window the decisions use",
          content: {
            "application/json": {
              schema: z
                .object({
                  range: z.object({ from: z.string(), to: z.string() }),
                  threshold: z.number(),
                  minOutcomes: z.number(),
                  categories: z.array(z.string()),
                  points: z.array(
                    z.object({
                      date: z.string(),
                      category: z.string(),
                      score: z.number().nullable(),
                      samples: z.number(),
                    }),
                  ),
                })
                .openapi("TrustHistory"),
            },
          },
        },
        400: problemResponse("Invalid range"),
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const history = await trustHistory(
        runtime.database.db,
        principal.orgId,
        c.req.valid("param").app,
        c.req.valid("query"),
      );
      return c.json(history, 200);
    },
  );
  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/shadow",
      tags: ["autonomy"],
      request: { params: appParam },
      responses: {
        200: {
          description: "Would-have-auto-sent precision and coverage per category",
          content: {
            "application/json": {
              schema: z.object({
                data: z.array(
                  z.object({
                    category: z.string(),
                    decided: z.number(),
                    wouldAutoSend: z.number(),
                    right: z.number(),
                    precision: z.number().nullable(),
                    coverage: z.number().nullable(),
                  }),
                ),
              }),
            },
          },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      return c.json({ data: await shadowForApp(runtime.database.db, principal.orgId, c.req.valid("param").app) }, 200);
    },
  );
  return router;
}
