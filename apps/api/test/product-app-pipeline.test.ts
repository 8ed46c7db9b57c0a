import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { DraftView } from "@support/contract";
import {
  addTextSource,
  OPERATOR,
  processSource,
  sendApprovedDraft,
  settleApprovedActions,
  WORKFLOW,
} from "@support/core";
import { createSampleApp } from "@support/example-sample-app";
import { seededStore } from "@support/example-sample-app/store";
import { type FakeStripe, startFakeStripe } from "@support/payments/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const SECRET = "whsec_sample_app_pipeline_e2e";
const refundPolicy = {
  title: "Refunds",
  body: "# Refunds\n\nYou can ask for a refund of any course within 30 days of purchase; we refund the full amount to your card.\n",
};

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The sample product app from examples/, through its real handler, on 127.0.0.1. */
function startSampleApp() {
  const store = seededStore();
  const app = createSampleApp({ store, secrets: [SECRET] });
  return new Promise<{ url: string; store: typeof store; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}/support`,
        store,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

/** A product app that accepts the call and never answers: every gather call runs into its timeout. */
async function startSilentApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/support`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Ada writes through the generic webhook; resolves with the draft the pipeline made of it. */
async function customerWrites(p: TestProduct, id: string, text: string) {
  const drafts = async () => (await (await jsonCall(p, "/api/v1/drafts")).json()).data as DraftView[];
  const earlier = new Set((await drafts()).map((d) => d.id));
  const raw = JSON.stringify({
    type: "message.received",
    id,
    customer: { email: "ada@example.com", name: "Ada" },
    message: { text },
  });
  const inbound = await p.api.request(`/webhooks/generic/${p.appId}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
    body: raw,
  });
  expect(inbound.status).toBe(200);
  return waitFor(async () => (await drafts()).find((d) => !earlier.has(d.id)), "the draft");
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] product-app pipeline on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`product apps in the pipeline on ${dialect.name}`, () => {
    let fake: FakeStripe;
    let p: TestProduct;
    let sample: Awaited<ReturnType<typeof startSampleApp>>;
    beforeAll(async () => {
      fake = await startFakeStripe();
      sample = await startSampleApp();
      p = await openTestProduct(
        {
          ...dialect.env,
          STRIPE_SECRET_KEY: "sk_test_platform",
          STRIPE_WEBHOOK_SECRET: "whsec_stripe_pipeline",
          STRIPE_CLIENT_ID: "ca_platform",
          STRIPE_API_BASE: fake.apiBase,
        },
        "Courses",
        { pipeline: true },
      );
      const operator = p.runtime.contextFor(p.orgId, OPERATOR);
      await processSource(operator, (await addTextSource(operator, { app: p.appId, ...refundPolicy })).id);
    });
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
      await sample.close();
      await fake.close();
    });

    it("known customer → gather calls the sample app → draft uses the purchase → Stripe refund proposed → approved → refunded once → told in the reply", async () => {
      const integration = await jsonCall(p, `/api/v1/apps/${p.appId}/integration`, {
        method: "PUT",
        body: { url: sample.url, secret: SECRET, policy: { refundAutoApproveDays: 30, refundAutoApproveBelow: 5000 } },
      });
      expect(integration.status).toBe(200);
      expect((await (await jsonCall(p, `/api/v1/apps/${p.appId}/integration/health`)).json()).ok).toBe(true);
      const { url } = await (await jsonCall(p, `/api/v1/apps/${p.appId}/stripe/connect`)).json();
      const state = new URL(url).searchParams.get("state") ?? "";
      const connected = await p.api.request(
        `/stripe/oauth/callback?state=${encodeURIComponent(state)}&code=${fake.goodCode}`,
      );
      expect(connected.status).toBe(200);

      const listed = await customerWrites(
        p,
        "refund-e2e",
        "Hello, I would like a refund for the TypeScript course, it is not for me.",
      );
      const draft: DraftView = await (await jsonCall(p, `/api/v1/drafts/${listed.id}`)).json();
      expect(draft.status).toBe("pending_approval");
      expect(draft.customer).toMatchObject({
        user: { id: "usr_ada" },
        purchases: [{ id: "pur_course" }, { id: "pur_ebook" }],
        charges: [{ id: "ch_course", amount: 9900 }],
        failures: [],
      });
      // The purchase the message is about, in the draft, and the gates accept its figures as the customer's data.
      expect(draft.text).toContain("TypeScript Pro course, 99.00 EUR on 2026-11-10");
      expect(draft.gates.find((g) => g.gate === "unsupported_claims")).toMatchObject({
        passed: true,
      });
      // 99.00 EUR is above the app's 50.00 auto-approval limit, so the refund (and the draft) wait for a person.
      expect(draft.actions).toEqual([
        expect.objectContaining({
          id: "a1",
          action: "stripe.refund",
          input: { chargeId: "ch_course", amount: 9900 },
          risk: "approval_required",
          autoApprovable: false,
          via: "stripe",
        }),
      ]);
      expect(draft.decision).toMatchObject({
        reasons: expect.arrayContaining(["waits for approval of stripe.refund"]),
      });
      expect(fake.refundRequests).toBe(0);

      const approve = () =>
        jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: { actions: ["a1"] } });
      const [first, duplicate] = await Promise.all([approve(), approve()]);
      expect([first.status, duplicate.status].sort()).toEqual([200, 409]);
      const sent = await waitFor(async () => {
        const outbox = await (await jsonCall(p, `/api/v1/outbox?app=${p.appId}`)).json();
        return outbox.data.find((m: { text: string }) => m.text.includes("refunded"));
      }, "the reply in the sandbox outbox");
      expect(sent.text).toContain("We have refunded 99.00 EUR");
      expect(sent.text).toContain("TypeScript Pro course");

      // The approval handled again (a redelivery, a retried run): nothing is refunded or sent twice.
      const workflow = p.runtime.contextFor(p.orgId, WORKFLOW);
      expect((await settleApprovedActions(workflow, draft.id)).failed).toBeNull();
      await sendApprovedDraft(workflow, draft.id);
      expect(fake.refundRequests).toBe(1);
      expect(fake.refunds).toEqual([expect.objectContaining({ charge: "ch_course", amount: 9900 })]);
      expect(sample.store.refunds).toEqual([]);
      const outbox = await (await jsonCall(p, `/api/v1/outbox?app=${p.appId}`)).json();
      expect(outbox.data.filter((m: { text: string }) => m.text.includes("refunded"))).toHaveLength(1);

      const after = await (await jsonCall(p, `/api/v1/drafts/${draft.id}`)).json();
      expect(after).toMatchObject({ status: "sent", actions: [{ id: "a1", approved: true }] });
      expect(after.executions).toEqual([
        expect.objectContaining({
          action: "stripe.refund",
          status: "succeeded",
          result: expect.objectContaining({ amount: 9900 }),
        }),
      ]);
      expect(after.sentText).toContain("We have refunded 99.00 EUR");
      // The whole pipeline twice over on a shared 2-core machine: the default 5 s is too tight.
    }, 30_000);

    it("an app that times out: the draft is still made, the failure is shown to the approver, and nothing of it is in the text", async () => {
      const silent = await startSilentApp();
      try {
        await jsonCall(p, `/api/v1/apps/${p.appId}/integration`, { method: "PUT", body: { url: silent.url } });
        const draft = await customerWrites(p, "refund-silent", "Can I get a refund for a course I bought last week?");
        expect(draft.customer).toMatchObject({
          user: null,
          failures: [{ action: "lookupUser", error: expect.stringMatching(/took longer than/) }],
        });
        expect(draft.text.length).toBeGreaterThan(0);
        expect(draft.text).not.toMatch(/took longer|lookupUser|failed|error|3000/i);
        expect(draft.actions).toEqual([]);
      } finally {
        await silent.close();
      }
    });
  });
}
