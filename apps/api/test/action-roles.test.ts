import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type DraftAction, executeAction, executeStripeRefund, type ServiceContext } from "@support/core";
import { createSampleApp } from "@support/example-sample-app";
import { seededStore } from "@support/example-sample-app/store";
import { type FakeStripe, startFakeStripe } from "@support/payments/testing";
import { seedPendingDraft, setDraftActions } from "@support/product/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/*
 * Issue 14, High 1: money-moving actions run only as part of an approved draft that proposed
 * them, by a role the app's policy allows. Before the fix an agent key or an agent member ran
 * each of these directly, with any input, on any draft (8 of 8).
 */

const SECRET = "whsec_action_roles_0001";
const refund = { purchaseId: "pur_course", amount: 9900, reason: "customer request" };
const updateEmail = { userId: "usr_ada", newEmail: "mallory@example.com" };
const transfer = { purchaseId: "pur_course", toEmail: "mallory@example.com" };
const stripeRefund = { chargeId: "ch_course", amount: 9900 };

const proposed: DraftAction[] = [
  {
    id: "a1",
    action: "refund",
    input: refund,
    risk: "approval_required",
    autoApprovable: false,
    reason: "r",
    via: "app",
  },
  {
    id: "a2",
    action: "updateEmail",
    input: updateEmail,
    risk: "approval_required",
    autoApprovable: false,
    reason: "r",
    via: "app",
  },
  {
    id: "a3",
    action: "transferPurchase",
    input: transfer,
    risk: "approval_required",
    autoApprovable: false,
    reason: "r",
    via: "app",
  },
  {
    id: "a4",
    action: "stripe.refund",
    input: stripeRefund,
    risk: "approval_required",
    autoApprovable: false,
    reason: "r",
    via: "stripe",
  },
];

/** The sample app from examples/, counting every call the platform makes to it. */
async function startCountingApp() {
  const store = seededStore();
  const app = createSampleApp({ store, secrets: [SECRET] });
  const calls: string[] = [];
  return new Promise<{ url: string; calls: string[]; close: () => Promise<void> }>((resolve) => {
    const server = serve(
      {
        fetch: async (request: Request) => {
          calls.push(String(JSON.parse(await request.clone().text()).action ?? "?"));
          return app.fetch(request);
        },
        hostname: "127.0.0.1",
        port: 0,
      },
      (info: AddressInfo) =>
        resolve({
          url: `http://127.0.0.1:${info.port}/support`,
          calls,
          close: () => new Promise<void>((done) => server.close(() => done())),
        }),
    );
  });
}

describe("actions by policy only (issue 14, High 1)", () => {
  let p: TestProduct;
  let fake: FakeStripe;
  let app: Awaited<ReturnType<typeof startCountingApp>>;
  let agentKey: string;
  let adminKey: string;
  let member: ServiceContext;
  const writes = () => app.calls.filter((a) => a !== "describe");

  beforeAll(async () => {
    fake = await startFakeStripe();
    app = await startCountingApp();
    p = await openTestProduct({
      STRIPE_SECRET_KEY: "sk_test_platform",
      STRIPE_WEBHOOK_SECRET: "whsec_roles",
      STRIPE_CLIENT_ID: "ca_platform",
      STRIPE_API_BASE: fake.apiBase,
      ALLOWED_OUTBOUND_NETWORKS: "127.0.0.0/8",
    });
    const integrated = await jsonCall(p, `/api/v1/apps/${p.appId}/integration`, {
      method: "PUT",
      body: { url: app.url, secret: SECRET },
    });
    expect(integrated.status).toBe(200);
    const { url } = await (await jsonCall(p, `/api/v1/apps/${p.appId}/stripe/connect`)).json();
    const state = new URL(url).searchParams.get("state") ?? "";
    await p.api.request(`/stripe/oauth/callback?state=${encodeURIComponent(state)}&code=${fake.goodCode}`);
    agentKey = await apiKeyFor(p.runtime, p.orgId, "agent");
    adminKey = await apiKeyFor(p.runtime, p.orgId, "admin");
    member = p.runtime.contextFor(p.orgId, { kind: "user", role: "agent", name: "user:agent" });
  });
  afterAll(async () => {
    await p.runtime.database.close();
    await app.close();
    await fake.close();
  });

  let seq = 0;
  async function draftWithActions(status: "pending" | "approved" | "rejected") {
    seq++;
    const draft = await seedPendingDraft(p.runtime, {
      orgId: p.orgId,
      appId: p.appId,
      conversationId: `cnv_roles_${seq}`,
      messageId: `msg_roles_${seq}`,
    });
    await setDraftActions(p.runtime, p.orgId, draft.id, proposed);
    if (status === "approved") {
      const approved = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, {
        method: "POST",
        body: { actions: proposed.map((a) => a.id) },
      });
      expect(approved.status).toBe(200);
    }
    if (status === "rejected") {
      const rejected = await jsonCall(p, `/api/v1/drafts/${draft.id}/reject`, {
        method: "POST",
        body: { reason: "no" },
      });
      expect(rejected.status).toBe(200);
    }
    return draft.id;
  }

  const direct = (draftId: string, key: string, action: string, input: unknown) =>
    action === "stripe.refund"
      ? jsonCall(p, `/api/v1/apps/${p.appId}/stripe/refunds`, {
          method: "POST",
          key,
          body: { draftId, ...(input as object) },
        })
      : jsonCall(p, `/api/v1/apps/${p.appId}/integration/actions`, {
          method: "POST",
          key,
          body: { draftId, action, input },
        });
  const code = (work: Promise<unknown>) => work.then(() => "ok").catch((e: { code: string }) => e.code);

  it("refuses every direct execution by an agent key and an agent member (8 cases), and nothing is called", async () => {
    const draftId = await draftWithActions("pending");
    const before = writes().length;
    for (const { action, input } of proposed) {
      const answer = await direct(draftId, agentKey, action, input);
      expect(answer.status, `${action} by an agent key`).toBe(403);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
    }
    for (const { action, input } of proposed.slice(0, 3)) {
      expect(await code(executeAction(member, { app: p.appId, draftId, action, input })), action).toBe("forbidden");
    }
    expect(await code(executeStripeRefund(member, { app: p.appId, draftId, ...stripeRefund }))).toBe("forbidden");
    expect(writes().length).toBe(before);
    expect(fake.refunds).toEqual([]);
  });

  it("refuses even an admin on a waiting or rejected draft, and an action or input the draft did not propose", async () => {
    const waiting = await draftWithActions("pending");
    const rejected = await draftWithActions("rejected");
    const approved = await draftWithActions("approved");
    for (const draftId of [waiting, rejected]) {
      expect((await direct(draftId, adminKey, "refund", refund)).status).toBe(409);
      expect((await direct(draftId, adminKey, "stripe.refund", stripeRefund)).status).toBe(409);
    }
    const larger = await direct(approved, adminKey, "refund", { ...refund, amount: 99_000 });
    expect(larger.status).toBe(403);
    expect((await larger.json()).detail).toContain("only a proposed, approved action runs");
    expect((await direct(approved, adminKey, "revokeAccess", { purchaseId: "pur_course" })).status).toBe(403);
    expect((await direct(approved, adminKey, "stripe.refund", { chargeId: "ch_other" })).status).toBe(403);
    expect(writes()).toEqual([]);
    expect(fake.refunds).toEqual([]);
  });

  it("lets an admin run a proposed, approved action once, on the audit trail", async () => {
    const draftId = await draftWithActions("approved");
    const first = await direct(draftId, adminKey, "refund", refund);
    expect(await first.json()).toMatchObject({ executed: true, execution: { action: "refund", status: "succeeded" } });
    const again = await (await direct(draftId, adminKey, "refund", refund)).json();
    expect(again).toMatchObject({ executed: false, execution: { action: "refund", status: "succeeded" } });
    expect(writes().filter((a) => a === "refund")).toHaveLength(1);
    const audit = await (await jsonCall(p, "/api/v1/audit")).json();
    expect(audit.data).toContainEqual(
      expect.objectContaining({
        action: "action.executed_directly",
        subject: draftId,
        actor: expect.stringMatching(/^key:/),
      }),
    );
  });

  it("lets the app's policy require an admin to approve a money-moving action; agents approve the reply alone", async () => {
    const policy = { approverRoles: { approval_required: "admin" } };
    const set = await jsonCall(p, `/api/v1/apps/${p.appId}/integration`, {
      method: "PUT",
      body: { url: app.url, policy },
    });
    expect(set.status).toBe(200);
    const draftId = await draftWithActions("pending");
    const refused = await jsonCall(p, `/api/v1/drafts/${draftId}/approve`, {
      method: "POST",
      key: agentKey,
      body: { actions: proposed.map((a) => a.id) },
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toContain("needs the admin role");
    const replyOnly = await jsonCall(p, `/api/v1/drafts/${draftId}/approve`, {
      method: "POST",
      key: agentKey,
      body: { actions: [] },
    });
    expect(replyOnly.status).toBe(200);
    const other = await draftWithActions("pending");
    const byAdmin = await jsonCall(p, `/api/v1/drafts/${other}/approve`, {
      method: "POST",
      key: adminKey,
      body: { actions: proposed.map((a) => a.id) },
    });
    expect(byAdmin.status).toBe(200);
  });
});
