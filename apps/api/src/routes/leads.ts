import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { idParam, jsonResponse, leadPatchBody, leadSchema, leadsQuery, problemResponse } from "@support/contract";
import { leadsCsv, listLeadViews, updateLeadByHand } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app or lead in this organization"),
};

/** The shop's leads (issue 16): listed per app and stage, moved by hand, exported as CSV. */
export function leadRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["catalogue"],
      summary: "The app's leads, oldest first, optionally at one stage",
      request: { query: leadsQuery },
      responses: { 200: jsonResponse(z.object({ data: z.array(leadSchema) }), "Leads"), ...errors },
    }),
    async (c) => c.json(await listLeadViews(c.var.ctx, c.req.valid("query")), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/export",
      tags: ["catalogue"],
      summary: "The same leads as CSV, for a spreadsheet",
      request: { query: leadsQuery },
      responses: {
        200: { description: "CSV with a header row", content: { "text/csv": { schema: z.string() } } },
        ...errors,
      },
    }),
    async (c) =>
      c.body(await leadsCsv(c.var.ctx, c.req.valid("query")), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="leads.csv"',
      }),
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      tags: ["catalogue"],
      summary: "Move a lead by hand (any stage), set its value, owner or notes",
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: leadPatchBody } }, required: true },
      },
      responses: { 200: jsonResponse(leadSchema, "The lead"), ...errors },
    }),
    async (c) => c.json(await updateLeadByHand(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  return router;
}
