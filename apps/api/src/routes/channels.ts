import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  appParam,
  channelChangeBody,
  channelParam,
  channelSchema,
  channelTestReportSchema,
  jsonResponse,
  problemResponse,
} from "@support/contract";
import { configureChannel, describeChannels, sendTestMessage } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app in this organization"),
};

/** An app's channels: any member reads them; admins configure and test them (the services check). */
export function channelRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/channels",
      tags: ["channels"],
      request: { params: appParam },
      responses: {
        200: jsonResponse(z.object({ data: z.array(channelSchema) }), "Every channel kind and its state"),
        ...errors,
      },
    }),
    async (c) => c.json({ data: await describeChannels(c.var.ctx, c.req.valid("param").app) }, 200),
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/{app}/channels/{channel}",
      tags: ["channels"],
      request: {
        params: channelParam,
        body: { content: { "application/json": { schema: channelChangeBody } }, required: true },
      },
      responses: { 200: jsonResponse(channelSchema, "The channel"), ...errors },
    }),
    async (c) => {
      const { app, channel } = c.req.valid("param");
      return c.json(await configureChannel(c.var.ctx, app, channel, c.req.valid("json")), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/channels/{channel}/test",
      tags: ["channels"],
      request: { params: channelParam },
      responses: {
        200: jsonResponse(channelTestReportSchema, "What the signed sample became"),
        409: problemResponse("The channel is not configured"),
        ...errors,
      },
    }),
    async (c) => {
      const { app, channel } = c.req.valid("param");
      return c.json(await sendTestMessage(c.var.ctx, app, channel), 200);
    },
  );
  return router;
}
