import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { listOf, pageQuery, problemResponse } from "@support/contract";
import { AppError, approveDraft, escalateDraft, loadPublicDraft, publicDraft, rejectDraft } from "@support/core";
import { getApp, getDraft, listDrafts } from "@support/db";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

export const DRAFT_STATUSES = [
  "pending_approval",
  "approved",
  "sent",
  "auto_sent",
  "rejected",
  "escalated",
  "superseded",
  "expired",
  "declined",
  "failed",
] as const;

const customerSchema = z
  .object({
    user: z.record(z.string(), z.unknown()).nullable(),
    purchases: z.array(z.record(z.string(), z.unknown())),
    subscriptions: z.array(z.record(z.string(), z.unknown())),
    charges: z.array(z.record(z.string(), z.unknown())),
    failures: z.array(z.object({ action: z.string(), error: z.string() })),
  })
  .openapi("DraftCustomer");

const actionSchema = z
  .object({
    id: z.string().openapi({ description: "Name it in the approve body's `actions` to run it" }),
    action: z.string(),
    input: z.record(z.string(), z.unknown()),
    risk: z.enum(["read", "low_impact_write", "approval_required"]),
    autoApprovable: z.boolean(),
    reason: z.string(),
    via: z.enum(["stripe", "app", "recorded"]),
    approved: z.boolean().optional(),
  })
  .openapi("DraftAction");

const executionSchema = z
  .object({
    id: z.string(),
    draftId: z.string(),
    action: z.string(),
    input: z.unknown(),
    status: z.enum(["running", "succeeded", "failed"]),
    result: z.unknown(),
    error: z.string().nullable(),
    idempotencyKey: z.string(),
  })
  .openapi("ActionExecution");

export const draftSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    messageId: z.string(),
    status: z.enum(DRAFT_STATUSES),
    category: z.string(),
    text: z.string(),
    sentText: z.string().nullable(),
    citations: z.array(
      z.object({ passageId: z.string(), sourceId: z.string(), title: z.string(), url: z.string().nullable() }),
    ),
    triage: z.record(z.string(), z.unknown()),
    gates: z.array(
      z.object({
        gate: z.string(),
        passed: z.boolean(),
        reason: z.string().optional(),
        findings: z.array(z.string()).optional(),
      }),
    ),
    decision: z
      .record(z.string(), z.unknown())
      .openapi({ description: "The autonomy decision with every check and its inputs" }),
    usage: z.array(z.record(z.string(), z.unknown())),
    traceId: z.string(),
    deliveryId: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedVia: z.string().nullable(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    customer: customerSchema.nullable().openapi({
      description:
        "What the gather step learnt from the product app, and the calls that failed: for the approver only, never sent to the model or the customer",
    }),
    actions: z.array(actionSchema),
    executions: z.array(executionSchema).openapi({ description: "Each approved action as it ran, with its result" }),
    createdAt: z.string(),
  })
  .openapi("Draft");

const idParam = z.object({ id: z.string().min(1).max(100) });
const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  404: problemResponse("No such draft in this organization"),
};
const decided = { 409: problemResponse("The draft was already decided; nothing changed") };
const ok = { 200: { description: "The draft", content: { "application/json": { schema: draftSchema } } } };

export function draftRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["drafts"],
      request: {
        query: pageQuery.extend({
          app: z.string().min(1).max(100).optional(),
          status: z.enum(DRAFT_STATUSES).optional(),
          conversation: z.string().min(1).max(100).optional(),
        }),
      },
      responses: {
        200: { description: "Newest first", content: { "application/json": { schema: listOf(draftSchema) } } },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const q = c.req.valid("query");
      let appId: string | undefined;
      if (q.app) {
        const app = await getApp(runtime.database.db, principal.orgId, q.app);
        if (!app) throw new AppError("not_found", `app "${q.app}" not found`);
        appId = app.id;
      }
      const page = await listDrafts(
        runtime.database.db,
        principal.orgId,
        { appId, status: q.status, conversationId: q.conversation },
        q,
      );
      const data = await Promise.all(page.data.map((d) => loadPublicDraft(runtime.database.db, d)));
      return c.json({ data: data as z.infer<typeof draftSchema>[], nextCursor: page.nextCursor }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["drafts"],
      request: { params: idParam },
      responses: { ...ok, ...errors },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const draft = await getDraft(runtime.database.db, principal.orgId, c.req.valid("param").id);
      if (!draft) throw new AppError("not_found", `draft "${c.req.valid("param").id}" not found`);
      return c.json((await loadPublicDraft(runtime.database.db, draft)) as z.infer<typeof draftSchema>, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/approve",
      tags: ["drafts"],
      request: {
        params: idParam,
        body: {
          content: {
            "application/json": {
              schema: z
                .object({
                  text: z.string().max(20_000).optional(),
                  actions: z.array(z.string().min(1).max(20)).max(20).optional().openapi({
                    description:
                      "Ids of the proposed actions to run (default: all of them); [] approves the reply without any action",
                  }),
                })
                .strict(),
            },
          },
          required: false,
        },
      },
      responses: { ...ok, ...errors, ...decided },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
      const draft = await approveDraft(runtime.database, principal.orgId, c.req.valid("param").id, {
        text: body.text,
        actions: body.actions,
        actor: principal.actor,
        surface: principal.actor.startsWith("user:") ? "dashboard" : "api",
      });
      runtime.relay.notify();
      return c.json(publicDraft(draft) as z.infer<typeof draftSchema>, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/reject",
      tags: ["drafts"],
      request: {
        params: idParam,
        body: {
          content: {
            "application/json": { schema: z.object({ reason: z.string().trim().min(1).max(2000) }).strict() },
          },
          required: true,
        },
      },
      responses: { ...ok, ...errors, ...decided },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const draft = await rejectDraft(runtime.database, principal.orgId, c.req.valid("param").id, {
        reason: c.req.valid("json").reason,
        actor: principal.actor,
        surface: principal.actor.startsWith("user:") ? "dashboard" : "api",
      });
      runtime.relay.notify();
      return c.json(publicDraft(draft) as z.infer<typeof draftSchema>, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/escalate",
      tags: ["drafts"],
      request: { params: idParam },
      responses: { ...ok, ...errors, ...decided },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const draft = await escalateDraft(runtime.database, principal.orgId, c.req.valid("param").id, {
        actor: principal.actor,
        surface: principal.actor.startsWith("user:") ? "dashboard" : "api",
      });
      runtime.relay.notify();
      return c.json(publicDraft(draft) as z.infer<typeof draftSchema>, 200);
    },
  );
  return router;
}
