import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  approveDraftBody,
  draftSchema,
  frontConversationParam,
  frontPluginConnectBody,
  frontPluginLookupSchema,
  frontPluginSchema,
  frontPluginSecretSchema,
  frontTeammateSchema,
  idParam,
  jsonResponse,
  problemResponse,
  redraftBody,
  rejectDraftBody,
} from "@support/contract";
import {
  approveDraft,
  authenticateFrontPlugin,
  configureFrontPlugin,
  describeFrontPlugin,
  frontConversation,
  limitFrontPluginFailures,
  rejectDraft,
  requestNewDraft,
  rotateFrontPluginSecret,
} from "@support/core";
import { createMiddleware } from "hono/factory";
import { requireCaller } from "../auth.js";
import { callerAddress } from "../client.js";
import type { ApiEnv } from "../context.js";
import { problem } from "../problem.js";
import { validationHook } from "../validation.js";

/** The headers the plugin page sends: the organization, Front's `auth_secret`, the teammate's email. */
export const FRONT_PLUGIN_HEADERS = {
  org: "x-front-plugin-org",
  secret: "x-front-plugin-secret",
  teammate: "x-front-teammate",
} as const;

/**
 * The plugin's credentials are headers, never cookies: nothing ambient rides along with a request
 * another site makes, and a cross-site page cannot set them without a CORS preflight this server
 * never grants. Mutations must be JSON as well (ADR 0145).
 */
const requirePlugin = createMiddleware<ApiEnv>(async (c, next) => {
  const org = c.req.header(FRONT_PLUGIN_HEADERS.org) ?? "";
  const secret = c.req.header(FRONT_PLUGIN_HEADERS.secret) ?? "";
  const teammateEmail = c.req.header(FRONT_PLUGIN_HEADERS.teammate) ?? "";
  if (!org || !secret) return problem(c, "unauthorized", "Open the plugin from Front: its secret is missing.");
  if (c.req.method !== "GET") {
    const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") return problem(c, "unsupported_media_type", "Send application/json.");
  }
  const runtime = c.var.runtime;
  const { orgId, actor } = await limitFrontPluginFailures(runtime.ports, { org, address: callerAddress(c) }, () =>
    authenticateFrontPlugin(runtime.database, runtime.ports.secrets, { org, secret, teammateEmail }),
  );
  c.set("principal", { orgId, role: actor.role, actor: actor.name });
  c.set("ctx", runtime.contextFor(orgId, actor));
  await next();
});

const pluginErrors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("The plugin's organization or secret is not recognised"),
  403: problemResponse("The Front teammate is not a member of the organization"),
  429: problemResponse("Too many failed authentications from this address for this organization (Retry-After)"),
};
const decided = { 409: problemResponse("The draft was already decided; nothing changed") };
const security = [{ frontPlugin: [] }];

/** What the sidebar plugin calls, as the Front teammate mapped to a member (ADR 0145). */
export function frontPluginApiRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requirePlugin);

  router.openapi(
    createRoute({
      method: "get",
      path: "/me",
      tags: ["front-plugin"],
      security,
      responses: { 200: jsonResponse(frontTeammateSchema, "The member the teammate acts as"), ...pluginErrors },
    }),
    (c) => {
      const { role, actor } = c.var.principal;
      return c.json(
        { email: (c.req.header(FRONT_PLUGIN_HEADERS.teammate) ?? "").trim().toLowerCase(), role, actor },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/conversations/{frontId}",
      tags: ["front-plugin"],
      security,
      description:
        "Our conversations for a Front conversation id, each with its newest draft; an empty list when none.",
      request: { params: frontConversationParam },
      responses: { 200: jsonResponse(frontPluginLookupSchema, "The conversations"), ...pluginErrors },
    }),
    async (c) => c.json(await frontConversation(c.var.ctx, c.req.valid("param").frontId), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/drafts/{id}/approve",
      tags: ["front-plugin"],
      security,
      description: "Approves (with edited text and the chosen actions) exactly once: a second call answers 409.",
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: approveDraftBody } }, required: true },
      },
      responses: { 200: jsonResponse(draftSchema, "The draft"), ...pluginErrors, ...decided },
    }),
    async (c) => c.json(await approveDraft(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/drafts/{id}/reject",
      tags: ["front-plugin"],
      security,
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: rejectDraftBody } }, required: true },
      },
      responses: { 200: jsonResponse(draftSchema, "The draft"), ...pluginErrors, ...decided },
    }),
    async (c) => c.json(await rejectDraft(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/drafts/{id}/redraft",
      tags: ["front-plugin"],
      security,
      description: "Sets the draft aside (superseded) and asks the pipeline for a new one, exactly once.",
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: redraftBody } }, required: true },
      },
      responses: { 200: jsonResponse(draftSchema, "The draft set aside"), ...pluginErrors, ...decided },
    }),
    async (c) => c.json(await requestNewDraft(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  return router;
}

const adminErrors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
};

/** The organization's Front plugin secret (admins set it; members see whether it is set). */
export function frontPluginConfigRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["front-plugin"],
      responses: { 200: jsonResponse(frontPluginSchema, "The plugin's registration"), ...adminErrors },
    }),
    async (c) => c.json(await describeFrontPlugin(c.var.ctx), 200),
  );
  router.openapi(
    createRoute({
      method: "put",
      path: "/",
      tags: ["front-plugin"],
      request: { body: { content: { "application/json": { schema: frontPluginConnectBody } }, required: true } },
      responses: { 200: jsonResponse(frontPluginSchema, "The plugin's registration"), ...adminErrors },
    }),
    async (c) => c.json(await configureFrontPlugin(c.var.ctx, c.req.valid("json")), 200),
  );
  router.openapi(
    createRoute({
      method: "post",
      path: "/secret/rotate",
      tags: ["front-plugin"],
      description:
        "A new random plugin secret, shown once inside the plugin URL to register in Front; the previous one stops working.",
      responses: { 200: jsonResponse(frontPluginSecretSchema, "The new secret (shown once)"), ...adminErrors },
    }),
    async (c) => c.json(await rotateFrontPluginSecret(c.var.ctx), 200),
  );
  return router;
}
