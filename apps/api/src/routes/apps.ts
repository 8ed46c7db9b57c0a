import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { AppError, changeApp, publicApp, registerApp } from "@support/core";
import { getApp, listApps } from "@support/db";
import { requireCaller, requireRole } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { listOf, pageQuery, problemResponse } from "../pagination.js";
import { validationHook } from "../validation.js";

const settingsSchema = z
  .object({
    tone: z.string().min(1).max(200),
    language: z.string().min(2).max(10),
    autonomyTier: z.enum(["suggest", "one_click", "auto_send"]),
    trustThreshold: z.number().min(0).max(1),
    confidenceFloor: z.number().min(0).max(1),
    minOutcomes: z.number().int().min(0),
    neverAutoSend: z.array(z.string().min(1)),
    shadowMode: z.boolean(),
    bannedPhrases: z.array(z.string().min(1).max(200)).max(200),
    debounceSeconds: z.number().int().min(0).max(600),
    approvalSlaHours: z.number().min(0.25).max(168),
    draftExpiryHours: z
      .number()
      .min(1)
      .max(24 * 90),
  })
  .openapi("AppSettings");

const appSchema = z
  .object({
    id: z.string().openapi({ example: "app_01JD3W2V8K1Q9X7F5G3H2J4K6M" }),
    slug: z.string(),
    name: z.string(),
    settings: settingsSchema,
    webhookUrls: z.record(z.string(), z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("App");

const slugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, "lowercase letters, digits and dashes");

const createBody = z.object({
  name: z.string().trim().min(1).max(200),
  slug: slugSchema.optional(),
  settings: settingsSchema.partial().optional(),
});
const patchBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    settings: settingsSchema.partial().strict().optional(),
  })
  .strict();
const appParam = z.object({ app: z.string().min(1).max(100).openapi({ description: "App id or slug" }) });

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid API key"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app in this organization"),
};

export function appsRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["apps"],
      middleware: [requireRole("admin")] as const,
      request: { body: { content: { "application/json": { schema: createBody } }, required: true } },
      responses: {
        201: { description: "Created", content: { "application/json": { schema: appSchema } } },
        409: problemResponse("Slug taken"),
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const body = c.req.valid("json");
      const { app } = await registerApp(runtime.database.db, runtime.secrets, principal.orgId, body, principal.actor);
      return c.json(publicApp(app, runtime.config.publicUrl), 201);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["apps"],
      request: { query: pageQuery },
      responses: {
        200: { description: "Apps", content: { "application/json": { schema: listOf(appSchema) } } },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const page = await listApps(runtime.database.db, principal.orgId, c.req.valid("query"));
      return c.json(
        { data: page.data.map((a) => publicApp(a, runtime.config.publicUrl)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}",
      tags: ["apps"],
      request: { params: appParam },
      responses: { 200: { description: "The app", content: { "application/json": { schema: appSchema } } }, ...errors },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const ref = c.req.valid("param").app;
      const app = await getApp(runtime.database.db, principal.orgId, ref);
      if (!app) throw new AppError("not_found", `app "${ref}" not found`);
      return c.json(publicApp(app, runtime.config.publicUrl), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{app}",
      tags: ["apps"],
      middleware: [requireRole("admin")] as const,
      request: { params: appParam, body: { content: { "application/json": { schema: patchBody } }, required: true } },
      responses: { 200: { description: "Updated", content: { "application/json": { schema: appSchema } } }, ...errors },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const app = await changeApp(
        runtime.database.db,
        principal.orgId,
        c.req.valid("param").app,
        c.req.valid("json"),
        principal.actor,
      );
      return c.json(publicApp(app, runtime.config.publicUrl), 200);
    },
  );
  return router;
}
