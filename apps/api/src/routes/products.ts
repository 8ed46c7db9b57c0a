import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  appParam,
  importProductsForm,
  importReportSchema,
  jsonResponse,
  problemResponse,
  productBody,
  productParams,
  productPatchBody,
  productSchema,
  productsQuery,
} from "@support/contract";
import {
  AppError,
  createProduct,
  deleteProduct,
  importCatalogue,
  listProductViews,
  productOf,
  updateProduct,
} from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app or product in this organization"),
};

const productList = z.object({ data: z.array(productSchema) });

function parseMapping(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    throw new AppError("invalid_input", "mapping: not valid JSON");
  }
}

/** A shop's catalogue (issue 16): products per app, imported from CSV/XLSX or edited one by one. */
export function productRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/products",
      tags: ["catalogue"],
      summary: "The app's products in sku order; with q, those a customer's words name, best first",
      request: { params: appParam, query: productsQuery },
      responses: { 200: jsonResponse(productList, "Products"), ...errors },
    }),
    async (c) => c.json(await listProductViews(c.var.ctx, c.req.valid("param").app, c.req.valid("query")), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/products",
      tags: ["catalogue"],
      request: {
        params: appParam,
        body: { content: { "application/json": { schema: productBody } }, required: true },
      },
      responses: { 201: jsonResponse(productSchema, "The product"), 409: problemResponse("Sku taken"), ...errors },
    }),
    async (c) => c.json(await createProduct(c.var.ctx, c.req.valid("param").app, c.req.valid("json")), 201),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/products/import",
      tags: ["catalogue"],
      summary: "Import a CSV or XLSX catalogue: all or nothing, keyed by sku; dryRun=true previews",
      request: {
        params: appParam,
        body: { content: { "multipart/form-data": { schema: importProductsForm } }, required: true },
      },
      responses: {
        200: jsonResponse(importReportSchema, "The report; applied is false (and nothing written) on any problem"),
        ...errors,
      },
    }),
    async (c) => {
      const form = c.req.valid("form");
      const report = await importCatalogue(c.var.ctx, c.req.valid("param").app, {
        name: form.file.name,
        bytes: new Uint8Array(await form.file.arrayBuffer()),
        mapping: parseMapping(form.mapping),
        currency: form.currency,
        dryRun: form.dryRun === "true",
      });
      return c.json(report, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/products/{id}",
      tags: ["catalogue"],
      request: { params: productParams },
      responses: { 200: jsonResponse(productSchema, "The product"), ...errors },
    }),
    async (c) => {
      const { app, id } = c.req.valid("param");
      return c.json(await productOf(c.var.ctx, app, id), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{app}/products/{id}",
      tags: ["catalogue"],
      request: {
        params: productParams,
        body: { content: { "application/json": { schema: productPatchBody } }, required: true },
      },
      responses: { 200: jsonResponse(productSchema, "The product"), 409: problemResponse("Sku taken"), ...errors },
    }),
    async (c) => {
      const { app, id } = c.req.valid("param");
      return c.json(await updateProduct(c.var.ctx, app, id, c.req.valid("json")), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{app}/products/{id}",
      tags: ["catalogue"],
      request: { params: productParams },
      responses: { 204: { description: "Deleted" }, ...errors },
    }),
    async (c) => {
      const { app, id } = c.req.valid("param");
      await deleteProduct(c.var.ctx, app, id);
      return c.body(null, 204);
    },
  );

  return router;
}
