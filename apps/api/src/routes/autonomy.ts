import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { shadowForApp, trustForApp } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { problemResponse } from "../pagination.js";
import { validationHook } from "../validation.js";

const appParam = z.object({ app: z.string().min(1).max(100) });
const errors = {
  401: problemResponse("Missing or invalid credentials"),
  404: problemResponse("No such app in this organization"),
};

/** Trust per category and the shadow-mode report, computed from stored outcomes. */
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
