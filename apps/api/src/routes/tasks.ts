import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  appParam,
  clickupConnectionBody,
  hubspotConnectionBody,
  jsonResponse,
  listOf,
  problemResponse,
  taskConnectionSchema,
  taskIdParam,
  taskPatchBody,
  taskSchema,
  tasksQuery,
} from "@support/contract";
import {
  connectClickUp,
  connectHubSpot,
  disconnectTaskTool,
  listTaskViews,
  setTaskStatus,
  showTaskConnection,
} from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such task or app in this organization"),
};

/** The tasks procedures create (the product's own list, or records of ClickUp tasks). */
export function taskRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["tasks"],
      request: { query: tasksQuery },
      responses: { 200: jsonResponse(listOf(taskSchema), "Tasks, newest first"), ...errors },
    }),
    async (c) => c.json(await listTaskViews(c.var.ctx, c.req.valid("query")), 200),
  );
  router.openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      tags: ["tasks"],
      request: {
        params: taskIdParam,
        body: { required: true, content: { "application/json": { schema: taskPatchBody } } },
      },
      responses: {
        200: jsonResponse(taskSchema, "The task, closed or reopened"),
        409: problemResponse("The task lives in an external tool"),
        ...errors,
      },
    }),
    async (c) => c.json(await setTaskStatus(c.var.ctx, c.req.valid("param").id, c.req.valid("json").status), 200),
  );
  return router;
}

/** Where an app's procedures create tasks: ClickUp, or (without a connection) the product's own list. */
export function taskConnectionRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "put",
      path: "/{app}/tasks/clickup",
      tags: ["tasks"],
      request: {
        params: appParam,
        body: { required: true, content: { "application/json": { schema: clickupConnectionBody } } },
      },
      responses: { 200: jsonResponse(taskConnectionSchema, "Connected; the token is stored encrypted"), ...errors },
    }),
    async (c) => c.json(await connectClickUp(c.var.ctx, c.req.valid("param").app, c.req.valid("json")), 200),
  );
  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/tasks/clickup",
      tags: ["tasks"],
      request: { params: appParam },
      responses: { 200: jsonResponse(taskConnectionSchema, "The connection, without its token"), ...errors },
    }),
    async (c) => c.json(await showTaskConnection(c.var.ctx, c.req.valid("param").app), 200),
  );
  router.openapi(
    createRoute({
      method: "put",
      path: "/{app}/tasks/hubspot",
      tags: ["tasks"],
      request: {
        params: appParam,
        body: { required: true, content: { "application/json": { schema: hubspotConnectionBody } } },
      },
      responses: {
        200: jsonResponse(
          taskConnectionSchema,
          "Connected: tasks become HubSpot tickets; the token is stored encrypted",
        ),
        ...errors,
      },
    }),
    async (c) => c.json(await connectHubSpot(c.var.ctx, c.req.valid("param").app, c.req.valid("json")), 200),
  );
  router.openapi(
    createRoute({
      method: "delete",
      path: "/{app}/tasks/clickup",
      tags: ["tasks"],
      request: { params: appParam },
      responses: { 204: { description: "Tasks go to the product's own list again" }, ...errors },
    }),
    async (c) => {
      await disconnectTaskTool(c.var.ctx, c.req.valid("param").app);
      return c.body(null, 204);
    },
  );
  return router;
}
