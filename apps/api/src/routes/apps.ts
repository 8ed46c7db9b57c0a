import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  appParam,
  appSchema,
  createAppBody,
  createdAppSchema,
  jsonResponse,
  listOf,
  pageQuery,
  patchAppBody,
  problemResponse,
} from "@support/contract";
import { appView, changeApp, listAppViews, registerApp } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

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
      request: { body: { content: { "application/json": { schema: createAppBody } }, required: true } },
      responses: {
        201: jsonResponse(createdAppSchema, "Created, with the webhook signing secret (shown only here)"),
        409: problemResponse("Slug taken"),
        ...errors,
      },
    }),
    async (c) => {
      const { view, signingSecret } = await registerApp(c.var.ctx, c.req.valid("json"));
      return c.json({ ...view, signingSecret }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["apps"],
      request: { query: pageQuery },
      responses: { 200: jsonResponse(listOf(appSchema), "Apps"), ...errors },
    }),
    async (c) => c.json(await listAppViews(c.var.ctx, c.req.valid("query")), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}",
      tags: ["apps"],
      request: { params: appParam },
      responses: { 200: jsonResponse(appSchema, "The app"), ...errors },
    }),
    async (c) => c.json(await appView(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{app}",
      tags: ["apps"],
      request: {
        params: appParam,
        body: { content: { "application/json": { schema: patchAppBody } }, required: true },
      },
      responses: { 200: jsonResponse(appSchema, "Updated"), ...errors },
    }),
    async (c) => c.json(await changeApp(c.var.ctx, c.req.valid("param").app, c.req.valid("json")), 200),
  );
  return router;
}
