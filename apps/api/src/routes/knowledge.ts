import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  cannedImportBody,
  cannedImportSchema,
  evaluateKnowledgeBody,
  jsonResponse,
  knowledgeSourceSchema,
  listOf,
  manualSourceBody,
  problemResponse,
  retrievalEvaluationSchema,
  searchQuery,
  searchResultSchema,
  sourceIdParam,
  sourcesQuery,
  uploadSourceBody,
  urlSourceBody,
} from "@support/contract";
import {
  AppError,
  addFileSource,
  addTextSource,
  addUrlSource,
  deleteSource,
  evaluateKnowledge,
  getSource,
  importCannedResponses,
  listSources,
  resyncSource,
  searchAppKnowledge,
} from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input, or a file that cannot be read (the reason says why)"),
  401: problemResponse("Missing or invalid API key"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app or source in this organization"),
};
const accepted = {
  202: jsonResponse(
    knowledgeSourceSchema,
    "Accepted: stored, and processed by a workflow that resumes after a restart; poll the source for its status",
  ),
};

/** Knowledge sources and search: thin over the knowledge services, which check the roles. */
export function knowledgeRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "post",
      path: "/sources",
      tags: ["knowledge"],
      summary: "Add a source: a manual entry {title, body}, a site {url, maxPages}, or a multipart file upload",
      request: {
        body: {
          content: {
            "application/json": { schema: z.union([manualSourceBody, urlSourceBody]) },
            "multipart/form-data": { schema: uploadSourceBody },
          },
          // Not "required": with two media types, each validator then runs only for its own type.
          required: false,
        },
      },
      responses: { ...accepted, ...errors },
    }),
    async (c) => {
      const { ctx } = c.var;
      const isUpload = (c.req.header("content-type") ?? "").startsWith("multipart/form-data");
      const body = isUpload ? c.req.valid("form") : c.req.valid("json");
      if (!body.app) throw new AppError("invalid_input", "send a JSON body or a multipart upload");
      if ("file" in body) {
        const bytes = new Uint8Array(await body.file.arrayBuffer());
        const file = { app: body.app, name: body.file.name, bytes, language: body.language };
        return c.json(await addFileSource(ctx, file), 202);
      }
      if ("url" in body) return c.json(await addUrlSource(ctx, body), 202);
      return c.json(await addTextSource(ctx, body), 202);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/sources",
      tags: ["knowledge"],
      request: { query: sourcesQuery },
      responses: { 200: jsonResponse(listOf(knowledgeSourceSchema), "Sources, oldest first"), ...errors },
    }),
    async (c) => c.json(await listSources(c.var.ctx, c.req.valid("query")), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/sources/{id}",
      tags: ["knowledge"],
      request: { params: sourceIdParam },
      responses: { 200: jsonResponse(knowledgeSourceSchema, "The source with its status and progress"), ...errors },
    }),
    async (c) => c.json(await getSource(c.var.ctx, c.req.valid("param").id), 200),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/sources/{id}",
      tags: ["knowledge"],
      request: { params: sourceIdParam },
      responses: { 204: { description: "Deleted with its chunks and vectors" }, ...errors },
    }),
    async (c) => {
      await deleteSource(c.var.ctx, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/sources/{id}/resync",
      tags: ["knowledge"],
      summary: "Re-crawl or re-chunk; only changed chunks are re-embedded",
      request: { params: sourceIdParam },
      responses: { ...accepted, ...errors },
    }),
    async (c) => c.json(await resyncSource(c.var.ctx, c.req.valid("param").id), 202),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["knowledge"],
      request: { query: searchQuery },
      responses: {
        200: jsonResponse(
          searchResultSchema,
          "Passages, best first; `relevant` is false when nothing passes the relevance threshold",
        ),
        ...errors,
      },
    }),
    async (c) => {
      const { app, q, k, mode } = c.req.valid("query");
      return c.json(await searchAppKnowledge(c.var.ctx, { app, query: q, k, mode }), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/evaluate",
      tags: ["knowledge"],
      summary: "Rank a test set's queries over an app's knowledge and score them against judgements; nothing is stored",
      request: { body: { content: { "application/json": { schema: evaluateKnowledgeBody } }, required: true } },
      responses: { 200: jsonResponse(retrievalEvaluationSchema, "Metrics, latency and the run"), ...errors },
    }),
    async (c) => c.json(await evaluateKnowledge(c.var.ctx, c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/canned/import",
      tags: ["knowledge"],
      request: { body: { content: { "application/json": { schema: cannedImportBody } }, required: true } },
      responses: {
        200: jsonResponse(cannedImportSchema, "Zendesk macros and Front templates imported as canned responses"),
        ...errors,
        409: problemResponse("Neither Zendesk nor Front has the credentials to fetch macros"),
      },
    }),
    async (c) => c.json(await importCannedResponses(c.var.ctx, c.req.valid("json").app), 200),
  );
  return router;
}
