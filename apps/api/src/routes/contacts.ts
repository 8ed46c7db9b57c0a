import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  contactRefParam,
  customerErasedSchema,
  customerExportSchema,
  jsonResponse,
  problemResponse,
} from "@support/contract";
import { eraseCustomer, exportCustomer } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Needs the admin role"),
  404: problemResponse("No such customer in this organization"),
};

/** `/api/v1/contacts/:id`: a customer's data, exported (access) or erased (erasure). Admins only. */
export function contactRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}/export",
      tags: ["contacts"],
      request: { params: contactRefParam },
      responses: { 200: jsonResponse(customerExportSchema, "Everything held about the customer"), ...errors },
    }),
    async (c) => {
      const exported = await exportCustomer(c.var.ctx, c.req.valid("param").id);
      c.header("content-disposition", 'attachment; filename="customer-export.json"');
      return c.json(exported as never, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags: ["contacts"],
      request: { params: contactRefParam },
      responses: { 200: jsonResponse(customerErasedSchema, "Erased; the counts of what was removed"), ...errors },
    }),
    async (c) => c.json(await eraseCustomer(c.var.ctx, c.req.valid("param").id), 200),
  );
  return router;
}
