import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  approveDraftBody,
  draftSchema,
  draftsQuery,
  idParam,
  jsonResponse,
  listOf,
  problemResponse,
  redraftBody,
  rejectDraftBody,
} from "@support/contract";
import { approveDraft, draftView, escalateDraft, listDraftViews, rejectDraft, requestNewDraft } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  404: problemResponse("No such draft in this organization"),
};
const decided = { 409: problemResponse("The draft was already decided; nothing changed") };
const ok = { 200: jsonResponse(draftSchema, "The draft") };

/** Drafts: any member reads them and decides on them (the services record who and from where). */
export function draftRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["drafts"],
      request: { query: draftsQuery },
      responses: { 200: jsonResponse(listOf(draftSchema), "Newest first"), ...errors },
    }),
    async (c) => c.json(await listDraftViews(c.var.ctx, c.req.valid("query")), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["drafts"],
      request: { params: idParam },
      responses: { ...ok, ...errors },
    }),
    async (c) => c.json(await draftView(c.var.ctx, c.req.valid("param").id), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/approve",
      tags: ["drafts"],
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: approveDraftBody } }, required: false },
      },
      responses: { ...ok, ...errors, ...decided },
    }),
    async (c) => {
      const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
      return c.json(await approveDraft(c.var.ctx, c.req.valid("param").id, body), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/reject",
      tags: ["drafts"],
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: rejectDraftBody } }, required: true },
      },
      responses: { ...ok, ...errors, ...decided },
    }),
    async (c) => c.json(await rejectDraft(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/escalate",
      tags: ["drafts"],
      request: { params: idParam },
      responses: { ...ok, ...errors, ...decided },
    }),
    async (c) => c.json(await escalateDraft(c.var.ctx, c.req.valid("param").id), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/redraft",
      tags: ["drafts"],
      description:
        "Sets a waiting draft aside (superseded, counted as rejected) and asks the pipeline for a new draft of the same message.",
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: redraftBody } }, required: true },
      },
      responses: { ...ok, ...errors, ...decided },
    }),
    async (c) => c.json(await requestNewDraft(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  return router;
}
