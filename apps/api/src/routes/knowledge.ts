import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { listOf, pageQuery, problemResponse } from "@support/contract";
import {
  AppError,
  addFileSource,
  addTextSource,
  addUrlSource,
  deleteSource,
  getSource,
  importCannedResponses,
  type KnowledgeDeps,
  listSources,
  processSource,
  publicSource,
  resolveNamespace,
  SOURCE_KINDS,
  SOURCE_STATUSES,
  searchKnowledge,
} from "@support/core";
import { RETRIEVAL_MODES } from "@support/knowledge";
import type { Logger } from "pino";
import { requireCaller, requireRole } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const sourceSchema = z
  .object({
    id: z.string().openapi({ example: "kns_01JD3W2V8K1Q9X7F5G3H2J4K6M" }),
    namespace: z.string().openapi({ description: "The app id, or `shared` for the organization-wide namespace" }),
    kind: z.enum(SOURCE_KINDS),
    title: z.string(),
    uri: z.string().nullable(),
    status: z.enum(SOURCE_STATUSES),
    error: z.string().nullable().openapi({ description: "Why processing failed, in words" }),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    language: z.string().nullable(),
    skipped: z.array(z.object({ url: z.string(), reason: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    indexedAt: z.string().nullable(),
  })
  .openapi("KnowledgeSource");

const passageSchema = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    text: z.string(),
    score: z.number(),
    retriever: z.enum(["bm25", "dense", "hybrid"]),
  })
  .openapi("Passage");

const appRef = z.string().min(1).max(100).openapi({ description: "App id or slug, or `shared`" });
const language = z.string().min(2).max(10).optional();
const manualBody = z.object({
  app: appRef,
  title: z.string().trim().min(1).max(500),
  body: z.string().min(1),
  language,
});
const urlBody = z.object({
  app: appRef,
  url: z.string().url(),
  maxPages: z.number().int().min(1).max(1000).default(50),
  maxDepth: z.number().int().min(0).max(10).default(3),
  language,
});
const uploadBody = z.object({
  app: appRef,
  file: z.instanceof(File).openapi({ type: "string", format: "binary" }),
  language,
});
const idParam = z.object({ id: z.string().min(1).max(40) });

const errors = {
  400: problemResponse("Invalid input, or a file that cannot be read (the reason says why)"),
  401: problemResponse("Missing or invalid API key"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app or source in this organization"),
};
const accepted = {
  202: {
    description: "Accepted: processing runs in the background",
    content: { "application/json": { schema: sourceSchema } },
  },
};

/** Processing outlives the request; its outcome is the source's status, never an unhandled rejection. */
function processInBackground(deps: KnowledgeDeps, orgId: string, sourceId: string, logger: Logger) {
  processSource(deps, orgId, sourceId).catch((error: unknown) =>
    logger.error({ err: error, sourceId }, "knowledge source processing failed"),
  );
}

export function knowledgeRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "post",
      path: "/sources",
      tags: ["knowledge"],
      summary: "Add a source: a manual entry {title, body}, a site {url, maxPages}, or a multipart file upload",
      middleware: [requireRole("admin")] as const,
      request: {
        body: {
          content: {
            "application/json": { schema: z.union([manualBody, urlBody]) },
            "multipart/form-data": { schema: uploadBody },
          },
          // Not "required": with two media types, each validator then runs only for its own type.
          required: false,
        },
      },
      responses: { ...accepted, ...errors },
    }),
    async (c) => {
      const { runtime, principal, logger } = c.var;
      const deps = runtime.knowledge;
      const isUpload = (c.req.header("content-type") ?? "").startsWith("multipart/form-data");
      const body = isUpload ? c.req.valid("form") : c.req.valid("json");
      if (!body.app) throw new AppError("invalid_input", "send a JSON body or a multipart upload");
      const namespace = await resolveNamespace(deps.db, principal.orgId, body.app);
      let source: Awaited<ReturnType<typeof addTextSource>>;
      if ("file" in body) {
        const bytes = new Uint8Array(await body.file.arrayBuffer());
        const file = { name: body.file.name, bytes, language: body.language };
        source = await addFileSource(deps, principal.orgId, namespace, file, principal.actor);
      } else if ("url" in body) {
        source = await addUrlSource(deps, principal.orgId, namespace, body, principal.actor);
      } else {
        source = await addTextSource(deps, principal.orgId, namespace, body, principal.actor);
      }
      processInBackground(deps, principal.orgId, source.id, logger);
      return c.json(publicSource(source), 202);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/sources",
      tags: ["knowledge"],
      request: { query: pageQuery.extend({ app: appRef.optional() }) },
      responses: {
        200: {
          description: "Sources, oldest first",
          content: { "application/json": { schema: listOf(sourceSchema) } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const { app, ...page } = c.req.valid("query");
      const namespaces = app ? [await resolveNamespace(runtime.database.db, principal.orgId, app)] : undefined;
      const result = await listSources(runtime.database.db, principal.orgId, { ...page, namespaces });
      return c.json({ data: result.data.map(publicSource), nextCursor: result.nextCursor }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/sources/{id}",
      tags: ["knowledge"],
      request: { params: idParam },
      responses: {
        200: {
          description: "The source with its status and progress",
          content: { "application/json": { schema: sourceSchema } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      return c.json(publicSource(await getSource(runtime.knowledge, principal.orgId, c.req.valid("param").id)), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/sources/{id}",
      tags: ["knowledge"],
      middleware: [requireRole("admin")] as const,
      request: { params: idParam },
      responses: { 204: { description: "Deleted with its chunks and vectors" }, ...errors },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      await deleteSource(runtime.knowledge, principal.orgId, c.req.valid("param").id, principal.actor);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/sources/{id}/resync",
      tags: ["knowledge"],
      summary: "Re-crawl or re-chunk; only changed chunks are re-embedded",
      middleware: [requireRole("admin")] as const,
      request: { params: idParam },
      responses: { ...accepted, ...errors },
    }),
    async (c) => {
      const { runtime, principal, logger } = c.var;
      const source = await getSource(runtime.knowledge, principal.orgId, c.req.valid("param").id);
      processInBackground(runtime.knowledge, principal.orgId, source.id, logger);
      return c.json(publicSource(source), 202);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["knowledge"],
      request: {
        query: z.object({
          app: appRef,
          q: z.string().trim().min(1).max(4000),
          k: z.coerce.number().int().min(1).max(50).default(5),
          mode: z.enum(RETRIEVAL_MODES).default("hybrid"),
        }),
      },
      responses: {
        200: {
          description: "Passages, best first; `relevant` is false when nothing passes the relevance threshold",
          content: {
            "application/json": { schema: z.object({ passages: z.array(passageSchema), relevant: z.boolean() }) },
          },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const { app, q, k, mode } = c.req.valid("query");
      const appId = await resolveNamespace(runtime.database.db, principal.orgId, app);
      return c.json(
        await searchKnowledge(runtime.knowledge, { orgId: principal.orgId, appId, query: q, k, mode }),
        200,
      );
    },
  );
  router.openapi(
    createRoute({
      method: "post",
      path: "/canned/import",
      tags: ["knowledge"],
      middleware: [requireRole("admin")] as const,
      request: {
        body: {
          content: { "application/json": { schema: z.object({ app: z.string().min(1).max(100) }).strict() } },
          required: true,
        },
      },
      responses: {
        200: {
          description: "Zendesk macros and Front templates imported as canned responses",
          content: {
            "application/json": {
              schema: z.object({
                imported: z.array(
                  z.object({ channel: z.enum(["zendesk", "front"]), sourceId: z.string(), responses: z.number() }),
                ),
                failures: z.array(z.object({ channel: z.string(), error: z.string() })),
              }),
            },
          },
        },
        ...errors,
        409: problemResponse("Neither Zendesk nor Front has the credentials to fetch macros"),
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const result = await importCannedResponses(runtime, principal.orgId, c.req.valid("json").app, principal.actor);
      return c.json(result, 200);
    },
  );
  return router;
}
