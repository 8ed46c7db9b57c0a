import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  appParam,
  jsonResponse,
  problemResponse,
  procedureKeyParam,
  procedureListSchema,
  procedureSchema,
  procedureSummarySchema,
  procedureTestBody,
  procedureTestResultSchema,
  saveProcedureBody,
} from "@support/contract";
import { listProcedures, removeProcedure, saveProcedure, showProcedure, testProcedure } from "@support/core";

import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app or procedure in this organization"),
};

const versionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

/** An app's procedures: list, save a version (a definition or a built-in template), show, remove (ADR 0110). */
export function procedureRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/procedures",
      tags: ["procedures"],
      request: { params: appParam },
      responses: { 200: jsonResponse(procedureListSchema, "The live procedures, newest version of each"), ...errors },
    }),
    async (c) => c.json(await listProcedures(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/procedures",
      tags: ["procedures"],
      request: {
        params: appParam,
        body: { required: true, content: { "application/json": { schema: saveProcedureBody } } },
      },
      responses: {
        201: jsonResponse(procedureSchema, "Saved as the next version of its key"),
        400: problemResponse("Invalid definition: each issue names its field"),
        409: problemResponse("Another procedure already answers that category"),
        ...errors,
      },
    }),
    async (c) => c.json(await saveProcedure(c.var.ctx, c.req.valid("param").app, c.req.valid("json")), 201),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/procedures/{key}",
      tags: ["procedures"],
      request: { params: procedureKeyParam, query: versionQuery },
      responses: { 200: jsonResponse(procedureSchema, "The live version, or the one asked for"), ...errors },
    }),
    async (c) => {
      const { app, key } = c.req.valid("param");
      return c.json(await showProcedure(c.var.ctx, app, key, c.req.valid("query").version), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{app}/procedures/{key}",
      tags: ["procedures"],
      request: { params: procedureKeyParam },
      responses: {
        200: jsonResponse(procedureSummarySchema, "Removed: no new run starts; runs under way keep their version"),
        ...errors,
      },
    }),
    async (c) => {
      const { app, key } = c.req.valid("param");
      return c.json(await removeProcedure(c.var.ctx, app, key), 200);
    },
  );
  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/procedures/{key}/test",
      tags: ["procedures"],
      request: {
        params: procedureKeyParam,
        body: { required: true, content: { "application/json": { schema: procedureTestBody } } },
      },
      responses: {
        200: jsonResponse(procedureTestResultSchema, "Every step with its inputs and outputs; nothing sent or stored"),
        400: problemResponse("Invalid transcript"),
        ...errors,
      },
    }),
    async (c) => {
      const { app, key } = c.req.valid("param");
      return c.json(await testProcedure(c.var.ctx, app, key, c.req.valid("json")), 200);
    },
  );
  return router;
}
