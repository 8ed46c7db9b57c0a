import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { problemResponse } from "@support/contract";
import { configureSlack, describeSlack } from "@support/core";
import { requireCaller, requireRole } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const slackSchema = z
  .object({
    configured: z.boolean(),
    channelId: z.string().nullable(),
    summaryChannelId: z
      .string()
      .nullable()
      .openapi({ description: "The daily summary's channel; null means the approvals channel" }),
    appId: z.string().nullable().openapi({ description: "Cards only for this app's drafts when set" }),
    apiUrl: z.string().nullable().openapi({ description: "Slack Web API base URL; null means Slack's own" }),
    secretsSet: z.array(z.string()).openapi({ description: "Names of the stored secrets; values are never returned." }),
    updatedAt: z.string().nullable(),
  })
  .openapi("Slack");

const putBody = z
  .object({
    botToken: z.string().optional().openapi({ description: "xoxb-… (write-only)" }),
    signingSecret: z.string().optional().openapi({ description: "write-only" }),
    channelId: z.string(),
    summaryChannelId: z.string().nullable().optional(),
    app: z.string().nullable().optional(),
    apiUrl: z.string().nullable().optional(),
  })
  .strict()
  .openapi("SlackConnect", {
    description: "The first connection needs botToken and signingSecret; later ones keep the stored secrets.",
  });

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
};

/** The organization's Slack connection (`skill slack connect` and the dashboard). */
export function slackConfigRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["slack"],
      responses: {
        200: { description: "The Slack connection", content: { "application/json": { schema: slackSchema } } },
        ...errors,
      },
    }),
    async (c) => c.json(await describeSlack(c.var.runtime.database.db, c.var.principal.orgId), 200),
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/",
      tags: ["slack"],
      middleware: [requireRole("admin")] as const,
      request: { body: { content: { "application/json": { schema: putBody } }, required: true } },
      responses: {
        200: { description: "The Slack connection", content: { "application/json": { schema: slackSchema } } },
        404: problemResponse("No such app in this organization"),
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const view = await configureSlack(
        runtime.database.db,
        runtime.secrets,
        principal.orgId,
        c.req.valid("json"),
        principal.actor,
      );
      return c.json(view, 200);
    },
  );
  return router;
}
