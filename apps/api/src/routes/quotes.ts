import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  idParam,
  jsonResponse,
  problemResponse,
  quoteBody,
  quoteSchema,
  quoteSendBody,
  quotesQuery,
} from "@support/contract";
import { createQuote, listQuotes, quotePdf, sendQuote } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app, conversation or quote in this organization"),
};

/** Quotes (devis) from a shop's catalogue (issue 16): created, listed per conversation, as PDF. */
export function quoteRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["catalogue"],
      request: { body: { content: { "application/json": { schema: quoteBody } }, required: true } },
      responses: { 201: jsonResponse(quoteSchema, "The quote, numbered per shop"), ...errors },
    }),
    async (c) => c.json(await createQuote(c.var.ctx, c.req.valid("json")), 201),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["catalogue"],
      request: { query: quotesQuery },
      responses: {
        200: jsonResponse(z.object({ data: z.array(quoteSchema) }), "The conversation's quotes"),
        ...errors,
      },
    }),
    async (c) => c.json(await listQuotes(c.var.ctx, c.req.valid("query")), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}/pdf",
      tags: ["catalogue"],
      request: { params: idParam },
      responses: {
        200: {
          description: "The quote as a PDF",
          content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const pdf = await quotePdf(c.var.ctx, c.req.valid("param").id);
      return c.body(new Uint8Array(pdf.bytes), 200, {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${pdf.fileName}"`,
      });
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/send",
      tags: ["catalogue"],
      summary:
        "Send the quote's PDF: as a document in its conversation (WhatsApp media upload) or by email; approves a quote that waited",
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: quoteSendBody } }, required: true },
      },
      responses: {
        200: jsonResponse(quoteSchema, "The quote, sent"),
        409: problemResponse("The channel refused the document (the reason says why)"),
        ...errors,
      },
    }),
    async (c) => c.json(await sendQuote(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  return router;
}
