import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  billingSchema,
  checkoutBody,
  jsonResponse,
  overageBody,
  problemResponse,
  redirectSchema,
} from "@support/contract";
import {
  billingOverview,
  openBillingPortal,
  receiveBillingWebhook,
  setOveragePolicy,
  startCheckout,
} from "@support/core";
import { Hono } from "hono";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Only owners see and change billing"),
  409: problemResponse("Billing is off on this server, or there is no subscription to manage"),
};

/** `/api/v1/billing`: the plan, status, period and usage per quota; Checkout, the portal, overage. Owners only. */
export function billingRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["billing"],
      responses: {
        200: jsonResponse(billingSchema, "Plan, status, period end and usage against each quota"),
        ...errors,
      },
    }),
    async (c) => c.json(await billingOverview(c.var.ctx), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/checkout",
      tags: ["billing"],
      request: { body: { content: { "application/json": { schema: checkoutBody } }, required: true } },
      responses: { 200: jsonResponse(redirectSchema, "Send the owner to this Stripe Checkout page"), ...errors },
    }),
    async (c) => c.json(await startCheckout(c.var.ctx, c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/portal",
      tags: ["billing"],
      responses: { 200: jsonResponse(redirectSchema, "Send the owner to the Stripe Customer Portal"), ...errors },
    }),
    async (c) => c.json(await openBillingPortal(c.var.ctx), 200),
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/overage",
      tags: ["billing"],
      request: { body: { content: { "application/json": { schema: overageBody } }, required: true } },
      responses: { 200: jsonResponse(billingSchema, "The choice at the AI draft quota, saved"), ...errors },
    }),
    async (c) => {
      await setOveragePolicy(c.var.ctx, c.req.valid("json").overage);
      return c.json(await billingOverview(c.var.ctx), 200);
    },
  );
  return router;
}

/** Stripe Billing's webhook: trusted only through its signature over the raw body. */
export function billingWebhookRoutes() {
  const router = new Hono<ApiEnv>();
  router.post("/webhooks/stripe/billing", async (c) => {
    const rawBody = Buffer.from(await c.req.arrayBuffer());
    const answer = await receiveBillingWebhook(c.var.runtime.platform, {
      rawBody,
      signature: c.req.header("stripe-signature"),
    });
    return c.json(answer, 200);
  });
  return router;
}
