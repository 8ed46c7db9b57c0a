import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  appParam,
  executionResultSchema,
  jsonResponse,
  problemResponse,
  stripeConnectUrlSchema,
  stripeCustomerPaymentsSchema,
  stripePaymentsQuery,
  stripeRefundBody,
} from "@support/contract";
import {
  AppError,
  completeStripeConnect,
  executeStripeRefund,
  receiveStripeWebhook,
  stripeConnectUrl,
  stripeCustomerPayments,
} from "@support/core";
import { Hono } from "hono";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app or draft in this organization"),
  409: problemResponse("Stripe is not configured, the app has no connected account, or the draft is not approved"),
};

/** Stripe Connect per app: connect, read a customer's payments, refund after approval. */
export function stripeAppRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/stripe/connect",
      tags: ["stripe"],
      request: { params: appParam },
      responses: {
        200: jsonResponse(stripeConnectUrlSchema, "Send the app's admin here to connect Stripe"),
        ...errors,
      },
    }),
    async (c) => c.json(await stripeConnectUrl(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/stripe/payments",
      tags: ["stripe"],
      request: { params: appParam, query: stripePaymentsQuery },
      responses: {
        200: jsonResponse(stripeCustomerPaymentsSchema, "Read from Stripe now; nothing is stored"),
        ...errors,
      },
    }),
    async (c) =>
      c.json(await stripeCustomerPayments(c.var.ctx, c.req.valid("param").app, c.req.valid("query").email), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/stripe/refunds",
      tags: ["stripe"],
      description:
        "Admins only: runs now the Stripe refund an approved draft proposed, with exactly its charge and amount (ADR 0101).",
      request: {
        params: appParam,
        body: { content: { "application/json": { schema: stripeRefundBody } }, required: true },
      },
      responses: {
        200: jsonResponse(executionResultSchema, "The refund: run now, or the record of the earlier run"),
        ...errors,
      },
    }),
    async (c) =>
      c.json(await executeStripeRefund(c.var.ctx, { app: c.req.valid("param").app, ...c.req.valid("json") }), 200),
  );
  return router;
}

/**
 * The unauthenticated Stripe endpoints: the OAuth callback (trusted only through its sealed
 * state) and the webhook (trusted only through its signature over the raw body). Both act
 * before an organization is known, so they hand the platform to the service.
 */
export function stripePublicRoutes() {
  const router = new Hono<ApiEnv>();

  router.get("/stripe/oauth/callback", async (c) => {
    const denied = c.req.query("error");
    if (denied)
      throw new AppError("invalid_input", `Stripe did not connect: ${c.req.query("error_description") ?? denied}`);
    const state = c.req.query("state");
    const code = c.req.query("code");
    if (!state || !code) throw new AppError("invalid_input", "the callback needs state and code");
    const connected = await completeStripeConnect(c.var.runtime.platform, { state, code });
    return c.json({ connected: true, appId: connected.appId, stripeAccountId: connected.stripeAccountId }, 200);
  });

  router.post("/webhooks/stripe", async (c) => {
    const rawBody = Buffer.from(await c.req.arrayBuffer());
    const answer = await receiveStripeWebhook(c.var.runtime.platform, {
      rawBody,
      signature: c.req.header("stripe-signature"),
    });
    return c.json(answer, 200);
  });
  return router;
}
