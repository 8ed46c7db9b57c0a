import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OPERATOR, syncBillingCatalogue } from "@support/core";
import { type FakeBilling, type SignedEvent, startFakeBilling } from "@support/payments/testing-billing";
import { loadConfig } from "@support/product/config";
import { eventually } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/** The default catalogue with a Starter plan of two AI drafts, so the quota is reached in a test. */
function tinyPlansFile(): string {
  const plans = loadConfig({}).plans.map((p) =>
    p.id === "starter" ? { ...p, quotas: { ...p.quotas, aiDrafts: 2 } } : p,
  );
  const file = join(mkdtempSync(join(tmpdir(), "plans-")), "plans.json");
  writeFileSync(file, JSON.stringify(plans));
  return file;
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] billing on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`billing on the fake Stripe on ${dialect.name}`, () => {
    let fake: FakeBilling;
    let p: TestProduct;
    beforeAll(async () => {
      fake = await startFakeBilling();
      p = await openTestProduct(
        {
          ...dialect.env,
          STRIPE_SECRET_KEY: "sk_test_platform",
          STRIPE_BILLING_WEBHOOK_SECRET: fake.webhookSecret,
          STRIPE_API_BASE: fake.apiBase,
          BILLING_PLANS_FILE: tinyPlansFile(),
        },
        "Acme",
        { pipeline: true },
      );
    });
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
      await fake.close();
    });

    const deliver = (event: SignedEvent | undefined, signature = event?.signature ?? "") =>
      p.api.request("/webhooks/stripe/billing", {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body: event?.payload ?? "",
      });
    const outcome = async (event: SignedEvent | undefined) => (await (await deliver(event)).json()).outcome;
    const billing = async () => (await jsonCall(p, "/api/v1/billing")).json();
    const send = async (id: string, text: string) => {
      const raw = JSON.stringify({
        type: "message.received",
        id,
        customer: { email: "ada@example.com" },
        message: { text },
      });
      const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
    };
    const drafts = async () => (await (await jsonCall(p, "/api/v1/drafts?limit=100")).json()).data as unknown[];
    const planAudit = async () =>
      (
        (await (await jsonCall(p, "/api/v1/audit?limit=100")).json()).data as { action: string; data: unknown }[]
      ).filter((a) => a.action === "billing.plan_changed");

    it("starts a 14-day trial without a card, and shows billing to owners only", async () => {
      const view = await billing();
      expect(view).toMatchObject({ enabled: true, plan: { id: "trial" }, status: "trialing", aiPaused: null });
      expect(new Date(view.trialEndsAt).getTime() - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
      expect(view.usage.find((u: { quota: string }) => u.quota === "apps")).toEqual({
        quota: "apps",
        used: 1,
        limit: 1,
        level: "reached",
      });
      const admin = await apiKeyFor(p.runtime, p.orgId, "admin");
      expect((await jsonCall(p, "/api/v1/billing", { key: admin })).status).toBe(403);
      expect((await jsonCall(p, "/api/v1/billing/portal", { method: "POST", key: admin })).status).toBe(403);
    });

    it("checkout completes through the webhook; replays and out-of-order events change nothing twice", async () => {
      const unsynced = await jsonCall(p, "/api/v1/billing/checkout", { method: "POST", body: { plan: "starter" } });
      expect(unsynced.status).toBe(409);
      // The failed checkout still made the organization's Stripe customer, so the portal opens.
      expect((await jsonCall(p, "/api/v1/billing/portal", { method: "POST" })).status).toBe(200);
      await syncBillingCatalogue(p.runtime.contextFor(p.orgId, OPERATOR));
      const bad = await jsonCall(p, "/api/v1/billing/checkout", { method: "POST", body: { plan: "trial" } });
      expect(bad.status).toBe(400);
      const checkout = await jsonCall(p, "/api/v1/billing/checkout", {
        method: "POST",
        body: { plan: "starter", currency: "MGA" },
      });
      expect(checkout.status).toBe(200);
      const { url } = await checkout.json();
      const sessionId = url.split("/").pop();
      expect(fake.sessions.get(sessionId)?.orgId).toBe(p.orgId);

      const [completed, created] = fake.completeCheckout(sessionId);
      expect((await deliver(created, "t=1,v1=forged")).status).toBe(401);
      expect(await outcome(completed)).toBe("applied");
      expect(await outcome(created)).toBe("applied");
      expect(await billing()).toMatchObject({ plan: { id: "starter" }, status: "active", trialEndsAt: null });
      expect(await outcome(created)).toBe("duplicate");
      expect(await outcome(completed)).toBe("duplicate");

      const subscriptionId = [...fake.subscriptions.keys()][0] as string;
      const older = fake.changeSubscription(subscriptionId, { status: "past_due" });
      const newer = fake.changeSubscription(subscriptionId, { status: "active" });
      expect(await outcome(newer)).toBe("applied");
      expect(await outcome(older)).toBe("stale");
      expect((await billing()).status).toBe("active");
      // One audited change: none → starter/active (the later events left plan and status as they were).
      expect(await planAudit()).toHaveLength(1);
    });

    it("at the quota AI drafting pauses while messages keep arriving and go to a person", async () => {
      await send("q-1", "Where is my order 1001?");
      await eventually(drafts, (d) => d.length === 1, "the first draft");
      await send("q-2", "Can I change the delivery address of order 1002?");
      await eventually(drafts, (d) => d.length === 2, "the second draft");
      expect((await billing()).usage[0]).toEqual({ quota: "aiDrafts", used: 2, limit: 2, level: "reached" });

      await send("q-3", "My parcel 1003 never arrived, please help");
      const attention = await eventually(
        async () => (await (await jsonCall(p, "/api/v1/notifications")).json()).data,
        (list: { kind: string; conversationId: string }[]) => list.some((n) => n.kind === "escalation"),
        "the conversation handed to a person",
      );
      expect(attention).toHaveLength(1);
      expect(await drafts()).toHaveLength(2);
      const thread = await (await jsonCall(p, `/api/v1/conversations/${attention[0]?.conversationId}`)).json();
      expect(thread.messages.map((m: { text: string }) => m.text)).toContain(
        "My parcel 1003 never arrived, please help",
      );
      expect((await billing()).aiPaused).toMatch(/2 AI drafts this period are used/);
      const audit = (await (await jsonCall(p, "/api/v1/audit?limit=100")).json()).data;
      expect(audit.some((a: { action: string }) => a.action === "billing.ai_paused")).toBe(true);
    });

    it("the portal's cancellation lands: AI stays paused, the data stays", async () => {
      const portal = await jsonCall(p, "/api/v1/billing/portal", { method: "POST" });
      expect((await portal.json()).url).toMatch(/^https:\/\/billing\.stripe\.test\//);
      const subscriptionId = [...fake.subscriptions.keys()][0] as string;
      const canceled = fake.cancelSubscription(subscriptionId);
      expect(await outcome(canceled)).toBe("applied");
      expect(await outcome(canceled)).toBe("duplicate");
      const view = await billing();
      expect(view).toMatchObject({ status: "canceled", plan: { id: "trial" } });
      expect(view.aiPaused).toMatch(/canceled/);
      expect(await planAudit()).toHaveLength(2);
      expect(await drafts()).toHaveLength(2);
    });

    it("the owner's overage choice is saved and audited", async () => {
      const saved = await jsonCall(p, "/api/v1/billing/overage", { method: "PUT", body: { overage: "allow" } });
      expect((await saved.json()).overage).toBe("allow");
      const invalid = await jsonCall(p, "/api/v1/billing/overage", { method: "PUT", body: { overage: "maybe" } });
      expect(invalid.status).toBe(400);
      const audit = (await (await jsonCall(p, "/api/v1/audit?limit=100")).json()).data;
      expect(audit.find((a: { action: string }) => a.action === "billing.overage_changed")?.data).toEqual({
        from: "pause",
        to: "allow",
      });
    });
  });
}

describe("billing off (no Stripe key)", () => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await openTestProduct({});
  });
  afterAll(() => p.runtime.database.close());

  it("says so and limits nothing", async () => {
    const view = await (await jsonCall(p, "/api/v1/billing")).json();
    expect(view).toMatchObject({ enabled: false, plan: null, status: null, aiPaused: null });
    expect(view.usage.every((u: { limit: null }) => u.limit === null)).toBe(true);
    const checkout = await jsonCall(p, "/api/v1/billing/checkout", { method: "POST", body: { plan: "pro" } });
    expect(checkout.status).toBe(409);
    expect((await jsonCall(p, "/webhooks/stripe/billing", { method: "POST", body: {} })).status).toBe(404);
  });
});
