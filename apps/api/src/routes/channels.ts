import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { problemResponse } from "@support/contract";
import { AppError, CHANNEL_KINDS, configureChannel, describeChannels, sendTestMessage } from "@support/core";
import { getApp } from "@support/db";
import { requireCaller, requireRole } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const channelSchema = z
  .object({
    kind: z.enum(CHANNEL_KINDS as [string, ...string[]]),
    status: z.enum(["active", "incomplete", "disabled"]),
    settings: z.record(z.string(), z.unknown()),
    secretsSet: z.array(z.string()).openapi({ description: "Names of the stored secrets; values are never returned." }),
    webhookUrl: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi("Channel");

const putBody = z
  .object({
    settings: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])).optional(),
    secrets: z.record(z.string(), z.union([z.string(), z.null()])).optional(),
  })
  .strict()
  .openapi("ChannelChange", {
    description: "Fields to set; a field set to null or an empty string is removed. Secrets are write-only.",
  });

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app in this organization"),
};

const testReportSchema = z
  .object({
    channel: z.string(),
    status: z.number().openapi({ description: "What the webhook route answered" }),
    outcome: z.string(),
    conversationId: z.string().nullable(),
    messageId: z.string().nullable(),
    detail: z.string().optional(),
  })
  .openapi("ChannelTestReport");

export function channelRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/channels",
      tags: ["channels"],
      request: { params: z.object({ app: z.string().min(1).max(100) }) },
      responses: {
        200: {
          description: "Every channel kind and its state",
          content: { "application/json": { schema: z.object({ data: z.array(channelSchema) }) } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const data = await describeChannels(
        runtime.database.db,
        runtime.secrets,
        runtime.config.publicUrl,
        principal.orgId,
        c.req.valid("param").app,
      );
      return c.json({ data }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/{app}/channels/{channel}",
      tags: ["channels"],
      middleware: [requireRole("admin")] as const,
      request: {
        params: z.object({ app: z.string().min(1).max(100), channel: z.enum(CHANNEL_KINDS as [string, ...string[]]) }),
        body: { content: { "application/json": { schema: putBody } }, required: true },
      },
      responses: {
        200: { description: "The channel", content: { "application/json": { schema: channelSchema } } },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const { app, channel } = c.req.valid("param");
      const view = await configureChannel(
        runtime.database.db,
        runtime.secrets,
        runtime.config.publicUrl,
        principal.orgId,
        app,
        channel as (typeof CHANNEL_KINDS)[number],
        c.req.valid("json"),
        principal.actor,
      );
      return c.json(view, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/channels/{channel}/test",
      tags: ["channels"],
      middleware: [requireRole("admin")] as const,
      request: {
        params: z.object({ app: z.string().min(1).max(100), channel: z.enum(CHANNEL_KINDS as [string, ...string[]]) }),
      },
      responses: {
        200: {
          description: "What the signed sample became",
          content: { "application/json": { schema: testReportSchema } },
        },
        409: problemResponse("The channel is not configured"),
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const { app: ref, channel } = c.req.valid("param");
      const app = await getApp(runtime.database.db, principal.orgId, ref);
      if (!app) throw new AppError("not_found", `app "${ref}" not found`);
      const report = await sendTestMessage(runtime, app, channel as (typeof CHANNEL_KINDS)[number]);
      runtime.relay.notify();
      return c.json(report, 200);
    },
  );
  return router;
}
