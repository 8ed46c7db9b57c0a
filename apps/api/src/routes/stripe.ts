import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { problemResponse } from "@support/contract";
import {
  AppError,
  completeStripeConnect,
  executeStripeRefund,
  handleStripeEvent,
  stripeConnectUrl,
  stripeCustomerPayments,
} from "@support/core";
import { getApp } from "@support/db";
import { StripeSignatureError } from "@support/payments";
import { Hono } from "hono";
import { requireCaller, requireRole } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const appParam = z.object({ app: z.string().min(1).max(100) });
const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app or draft in this organization"),
  409: problemResponse("Stripe is not configured, or the app has no connected account"),
};
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const paymentsSchema = z
  .object({
    charges: z.array(
      z.object({
        id: z.string(),
        amount: z.number(),
        currency: z.string(),
        created: z.string(),
        refunded: z.number(),
        status: z.string(),
        disputed: z.boolean(),
      }),
    ),
    refunds: z.array(
      z.object({
        id: z.string(),
        charge: z.string().nullable(),
        amount: z.number(),
        currency: z.string(),
        status: z.string().nullable(),
      }),
    ),
    subscriptions: z.array(
      z.object({
        id: z.string(),
        status: z.string(),
        currentPeriodEnd: z.string().nullable(),
        cancelAtPeriodEnd: z.boolean(),
      }),
    ),
  })
  .openapi("StripeCustomerPayments");

const executionSchema = z
  .object({
    executed: z.boolean(),
    execution: z.object({
      id: z.string(),
      draftId: z.string(),
      action: z.string(),
      input: z.unknown(),
      status: z.enum(["running", "succeeded", "failed"]),
      result: z.unknown(),
      error: z.string().nullable(),
      idempotencyKey: z.string(),
    }),
  })
  .openapi("StripeRefundExecution");

async function appIdOf(c: { var: ApiEnv["Variables"] }, ref: string): Promise<string> {
  const app = await getApp(c.var.runtime.database.db, c.var.principal.orgId, ref);
  if (!app) throw new AppError("not_found", `app "${ref}" not found`);
  return app.id;
}

/** Stripe Connect per app: connect, read a customer's payments, refund after approval. */
export function stripeAppRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  const deps = (c: { var: ApiEnv["Variables"] }) => ({
    db: c.var.runtime.database.db,
    secrets: c.var.runtime.secrets,
    stripe: c.var.runtime.stripe,
  });

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/stripe/connect",
      tags: ["stripe"],
      middleware: [requireRole("admin")] as const,
      request: { params: appParam },
      responses: { 200: json(z.object({ url: z.string() }), "Send the app's admin here to connect Stripe"), ...errors },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const result = await stripeConnectUrl(
        deps(c),
        principal.orgId,
        c.req.valid("param").app,
        runtime.config.publicUrl,
      );
      return c.json(result, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/stripe/payments",
      tags: ["stripe"],
      request: { params: appParam, query: z.object({ email: z.email() }) },
      responses: { 200: json(paymentsSchema, "Read from Stripe now; nothing is stored"), ...errors },
    }),
    async (c) => {
      const appId = await appIdOf(c, c.req.valid("param").app);
      const payments = await stripeCustomerPayments(deps(c), {
        orgId: c.var.principal.orgId,
        appId,
        email: c.req.valid("query").email,
      });
      return c.json(payments, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/stripe/refunds",
      tags: ["stripe"],
      request: {
        params: appParam,
        body: {
          content: {
            "application/json": {
              schema: z
                .object({
                  draftId: z.string().min(1),
                  chargeId: z.string().min(1),
                  amount: z.number().int().positive().optional(),
                })
                .strict(),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(executionSchema, "The refund: run now, or the record of the earlier run"), ...errors },
    }),
    async (c) => {
      const appId = await appIdOf(c, c.req.valid("param").app);
      const result = await executeStripeRefund(deps(c), {
        orgId: c.var.principal.orgId,
        appId,
        ...c.req.valid("json"),
      });
      return c.json(result, 200);
    },
  );
  return router;
}

/**
 * The unauthenticated Stripe endpoints: the OAuth callback (trusted only through its sealed
 * state) and the webhook (trusted only through its signature over the raw body).
 */
export function stripePublicRoutes() {
  const router = new Hono<ApiEnv>();

  router.get("/stripe/oauth/callback", async (c) => {
    const { runtime } = c.var;
    const denied = c.req.query("error");
    if (denied)
      throw new AppError("invalid_input", `Stripe did not connect: ${c.req.query("error_description") ?? denied}`);
    const state = c.req.query("state");
    const code = c.req.query("code");
    if (!state || !code) throw new AppError("invalid_input", "the callback needs state and code");
    const connected = await completeStripeConnect(
      { db: runtime.database.db, secrets: runtime.secrets, stripe: runtime.stripe },
      { state, code },
    );
    return c.json({ connected: true, appId: connected.appId, stripeAccountId: connected.stripeAccountId }, 200);
  });

  router.post("/webhooks/stripe", async (c) => {
    const { runtime } = c.var;
    if (!runtime.stripe) throw new AppError("not_found", "Stripe is not configured on this server");
    const rawBody = Buffer.from(await c.req.arrayBuffer());
    let event: ReturnType<typeof runtime.stripe.parseWebhook>;
    try {
      event = runtime.stripe.parseWebhook(rawBody, c.req.header("stripe-signature"));
    } catch (error) {
      if (error instanceof StripeSignatureError)
        throw new AppError("invalid_signature", "The Stripe signature does not verify.");
      throw error;
    }
    const { handled } = await handleStripeEvent({ db: runtime.database.db }, event);
    return c.json({ received: true, handled }, 200);
  });
  return router;
}
