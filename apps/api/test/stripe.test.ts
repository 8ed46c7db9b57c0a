import { type FakeStripe, signStripeEvent, startFakeStripe } from "@support/payments/testing";
import { seedPendingDraft, setDraftActions } from "@support/product/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const WEBHOOK_SECRET = "whsec_stripe_api_test";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] stripe on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`Stripe Connect per app on ${dialect.name}`, () => {
    let fake: FakeStripe;
    let p: TestProduct;
    beforeAll(async () => {
      fake = await startFakeStripe();
      p = await openTestProduct({
        ...dialect.env,
        STRIPE_SECRET_KEY: "sk_test_platform",
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_CLIENT_ID: "ca_platform",
        STRIPE_API_BASE: fake.apiBase,
      });
    });
    afterAll(async () => {
      await p.runtime.database.close();
      await fake.close();
    });

    const webhook = (event: object, secret = WEBHOOK_SECRET) => {
      const payload = JSON.stringify(event);
      return p.api.request("/webhooks/stripe", {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signStripeEvent(payload, secret) },
        body: payload,
      });
    };

    it("connects through OAuth with a sealed state, reads payments on demand, refunds once, and handles webhooks", async () => {
      const before = await jsonCall(p, `/api/v1/apps/${p.appId}/stripe/payments?email=ada@example.com`);
      expect(before.status).toBe(409);

      // Only admins start a connection.
      const agent = await apiKeyFor(p.runtime, p.orgId, "agent");
      expect((await jsonCall(p, `/api/v1/apps/${p.appId}/stripe/connect`, { key: agent })).status).toBe(403);
      expect((await jsonCall(p, "/api/v1/apps/nope/stripe/connect")).status).toBe(404);
      const { url } = await (await jsonCall(p, `/api/v1/apps/${p.appId}/stripe/connect`)).json();
      const authorize = new URL(url);
      expect(authorize.searchParams.get("client_id")).toBe("ca_platform");
      expect(authorize.searchParams.get("redirect_uri")).toMatch(/\/stripe\/oauth\/callback$/);
      const state = authorize.searchParams.get("state") ?? "";

      const forged = await p.api.request(
        `/stripe/oauth/callback?state=${encodeURIComponent(`${state}x`)}&code=${fake.goodCode}`,
      );
      expect(forged.status).toBe(400);
      const badCode = await p.api.request(`/stripe/oauth/callback?state=${encodeURIComponent(state)}&code=ac_wrong`);
      expect(badCode.status).toBe(400);
      const denied = await p.api.request("/stripe/oauth/callback?error=access_denied");
      expect(denied.status).toBe(400);
      const callback = await p.api.request(
        `/stripe/oauth/callback?state=${encodeURIComponent(state)}&code=${fake.goodCode}`,
      );
      expect(await callback.json()).toEqual({ connected: true, appId: p.appId, stripeAccountId: fake.accountId });

      const payments = await (
        await jsonCall(p, `/api/v1/apps/${p.appId}/stripe/payments?email=ada@example.com`)
      ).json();
      expect(payments.charges).toEqual([expect.objectContaining({ id: "ch_course", amount: 9900, currency: "EUR" })]);
    });

    it("refunds a charge on the connected account exactly once after approval", async () => {
      const draft = await seedPendingDraft(p.runtime, {
        orgId: p.orgId,
        appId: p.appId,
        conversationId: "cnv_stripe_refund",
        messageId: "msg_stripe_refund",
        text: "We will refund your course.",
        triage: { intent: "refund_request" },
      });
      // The refund runs only as the approved draft's proposal (issue 14): propose it, approve it.
      const input = { chargeId: "ch_course", amount: 9900 };
      await setDraftActions(p.runtime, p.orgId, draft.id, [
        {
          id: "a1",
          action: "stripe.refund",
          input,
          risk: "approval_required",
          autoApprovable: false,
          reason: "r",
          via: "stripe",
        },
      ]);
      const approve = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, {
        method: "POST",
        body: { actions: ["a1"] },
      });
      expect(approve.status).toBe(200);
      const refund = () =>
        jsonCall(p, `/api/v1/apps/${p.appId}/stripe/refunds`, {
          method: "POST",
          body: { draftId: draft.id, chargeId: "ch_course", amount: 9900 },
        });
      const [first, second] = [await (await refund()).json(), await (await refund()).json()];
      expect(first).toMatchObject({
        executed: true,
        execution: {
          action: "stripe.refund",
          status: "succeeded",
          result: { charge: "ch_course", amount: 9900, currency: "EUR" },
        },
      });
      expect(second).toMatchObject({ executed: false, execution: { id: first.execution.id } });
      expect(fake.refunds).toEqual([
        expect.objectContaining({ charge: "ch_course", amount: 9900, idempotencyKey: first.execution.idempotencyKey }),
      ]);
      const payments = await (
        await jsonCall(p, `/api/v1/apps/${p.appId}/stripe/payments?email=ada@example.com`)
      ).json();
      expect(payments.refunds).toEqual([expect.objectContaining({ charge: "ch_course", amount: 9900 })]);
    });

    it("rejects a webhook with a wrong signature and marks a deauthorised account as disconnected", async () => {
      const event = {
        id: "evt_deauth",
        object: "event",
        type: "account.application.deauthorized",
        account: fake.accountId,
        data: { object: {} },
      };
      const forged = await webhook(event, "whsec_someone_else");
      expect(forged.status).toBe(401);
      expect(forged.headers.get("content-type")).toContain("application/problem+json");

      const dispute = await webhook({
        id: "evt_dispute",
        object: "event",
        type: "charge.dispute.created",
        account: fake.accountId,
        data: {
          object: {
            id: "dp_1",
            object: "dispute",
            charge: "ch_course",
            amount: 9900,
            currency: "eur",
            reason: "fraudulent",
          },
        },
      });
      expect(await dispute.json()).toEqual({ received: true, handled: true });
      const audit = await (await jsonCall(p, "/api/v1/audit")).json();
      expect(audit.data.map((a: { action: string }) => a.action)).toContain("stripe.dispute_created");

      expect(await (await webhook(event)).json()).toEqual({ received: true, handled: true });
      const after = await jsonCall(p, `/api/v1/apps/${p.appId}/stripe/payments?email=ada@example.com`);
      expect(after.status).toBe(409);
      const other = await webhook({ id: "evt_other", object: "event", type: "charge.succeeded", data: { object: {} } });
      expect(await other.json()).toEqual({ received: true, handled: false });
    });
  });
}
