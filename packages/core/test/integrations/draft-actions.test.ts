import { getDraft, listExecutionsForDraft, saveIntegration, saveStripeAccount } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatheredContext } from "../../src/context/gather-step.js";
import { type DraftAction, loadActionSetup, planDraftActions } from "../../src/drafting/draft-actions.js";
import { gatherCustomerContext, integrateApp } from "../../src/index.js";
import { approveActions, settleApprovedActions, withExecutionSummaries } from "../../src/review/approved-actions.js";
import { serviceContext, WORKFLOW } from "../../src/service/context.js";
import {
  openTestTenant,
  pendingDraft,
  type RunningSampleApp,
  startSampleApp,
  type TestTenant,
  tenantContext,
} from "./harness.js";

const SECRET = "whsec_draft_actions_0001";
const NOW = new Date("2026-11-24T12:00:00Z");
let tenant: TestTenant;
let app: RunningSampleApp;
const deps = () => ({ db: tenant.database.db, secrets: tenant.secrets });
/** The workflow's context over the tenant's database and secrets (no Stripe configured). */
const workflow = () => serviceContext(tenant.platform, tenant.orgId, WORKFLOW);

beforeAll(async () => {
  tenant = await openTestTenant();
  app = await startSampleApp([SECRET]);
  await integrateApp(tenantContext(tenant), tenant.appId, { url: app.url, secret: SECRET });
});
afterAll(async () => {
  await app.close();
  await tenant.database.close();
});

async function adaContext(charges: GatheredContext["charges"] = []): Promise<GatheredContext> {
  const context = await gatherCustomerContext(deps(), {
    orgId: tenant.orgId,
    appId: tenant.appId,
    contact: { email: "ada@example.com" },
  });
  return { ...context, charges };
}
const COURSE_REFUND = "Hello, I would like a refund for the TypeScript course, it is not for me.";
const planned = async (context: GatheredContext, intent = "refund_request", message = COURSE_REFUND) =>
  planDraftActions(await loadActionSetup(workflow(), tenant.appId), { intent, context, now: NOW, message });
const plan = async (context: GatheredContext, intent = "refund_request") => (await planned(context, intent)).actions;

const courseCharge = {
  id: "ch_course",
  amount: 9900,
  refunded: 0,
  currency: "EUR",
  created: "2026-11-10T08:40:00.000Z",
};

describe("routing proposed actions", () => {
  it("refunds through the app's SDK while the app implements refund and no Stripe account is connected", async () => {
    const [refund] = await plan(await adaContext([courseCharge]));
    expect(refund).toMatchObject({
      id: "a1",
      action: "refund",
      input: { purchaseId: "pur_course", amount: 9900 },
      via: "app",
      risk: "approval_required",
    });
    const [link] = await plan(await adaContext(), "login_problem");
    expect(link).toMatchObject({ id: "a1", action: "generateMagicLink", via: "app", autoApprovable: true });
  });

  it("uses the connected Stripe account's charge that is the purchase's, and only that one", async () => {
    await saveStripeAccount(tenant.database.db, tenant.orgId, tenant.appId, {
      stripeAccountId: "acct_1",
      status: "connected",
    });
    try {
      const [refund] = await plan(await adaContext([{ ...courseCharge, id: "ch_other", amount: 1900 }, courseCharge]));
      expect(refund).toMatchObject({ action: "stripe.refund", input: { chargeId: "ch_course", amount: 9900 } });
      expect(refund?.via).toBe("stripe");
      // A charge a month away from the purchase is another purchase's: the app refunds instead.
      const far = { ...courseCharge, created: "2026-10-01T00:00:00Z" };
      expect((await plan(await adaContext([far])))[0]?.via).toBe("app");
    } finally {
      await saveStripeAccount(tenant.database.db, tenant.orgId, tenant.appId, {
        stripeAccountId: "acct_1",
        status: "deauthorized",
      });
    }
  });

  it("records a refund only when neither Stripe nor the app can make it, and proposes nothing for an unknown customer", async () => {
    await saveIntegration(tenant.database.db, tenant.orgId, tenant.appId, {
      capabilities: ["lookupUser", "getPurchases"],
    });
    try {
      expect((await plan(await adaContext()))[0]).toMatchObject({ action: "refund", via: "recorded" });
      expect(await plan({ ...(await adaContext()), user: null })).toEqual([]);
    } finally {
      await saveIntegration(tenant.database.db, tenant.orgId, tenant.appId, { capabilities: null });
    }
  });
});

describe("the purchase the customer meant", () => {
  it("refunds the purchase the message names by product or amount, not the newest one", async () => {
    const ada = await adaContext();
    for (const message of ["Please refund the ebook, I never opened it.", "Can I get my 19 € back? Wrong purchase."]) {
      const { actions, ask } = await planned(ada, "refund_request", message);
      expect(actions.map((a) => a.input)).toEqual([expect.objectContaining({ purchaseId: "pur_ebook", amount: 1900 })]);
      expect(ask).toBeUndefined();
    }
  });

  it("proposes nothing and asks which purchase when the message does not say", async () => {
    const { actions, ask } = await planned(await adaContext(), "refund_request", "I want a refund please.");
    expect(actions).toEqual([]);
    expect(ask?.map((p) => p.id).sort()).toEqual(["pur_course", "pur_ebook"]);
  });

  it("drops a model's refund of another purchase than the one the message names", async () => {
    const { actions, dropped } = await planDraftActions(await loadActionSetup(workflow(), tenant.appId), {
      intent: "refund_request",
      context: await adaContext(),
      now: NOW,
      message: "Please refund the 19 € ebook.",
      proposals: [{ action: "refund", input: { purchaseId: "pur_course", reason: "asked" } }],
    });
    expect(actions).toEqual([]);
    expect(dropped).toEqual(["dropped refund of pur_course: the message is about Testing ebook (pur_ebook)"]);
  });
});

const refundAction = (over: Partial<DraftAction> = {}): DraftAction => ({
  id: "a1",
  action: "refund",
  input: { purchaseId: "pur_ebook", amount: 1900, reason: "customer request (refund_request)" },
  risk: "approval_required",
  autoApprovable: false,
  reason: "Refund 19.00 EUR.",
  via: "app",
  approved: true,
  ...over,
});
const approvedDraft = (actions: DraftAction[]) =>
  pendingDraft(tenant, undefined, {
    status: "approved",
    actions,
    decidedBy: "usr_1",
    text: "Hi,\n\nDone.\n\nBest,\nUs",
  });

describe("running the approved actions", () => {
  it("approves exactly the given ids, refuses an approval that names none of the proposed actions, and unknown ids", () => {
    const actions = [refundAction({ approved: undefined }), refundAction({ id: "a2", approved: undefined })];
    expect(() => approveActions(actions, undefined)).toThrow(/this draft proposes a1 \(Refund 19.00 EUR.\); a2/);
    expect(approveActions([], undefined)).toEqual([]);
    expect(approveActions(actions, ["a2"]).map((a) => a.approved)).toEqual([false, true]);
    expect(approveActions(actions, []).map((a) => a.approved)).toEqual([false, false]);
    expect(() => approveActions(actions, ["a3"])).toThrow(/no proposed action a3/);
  });

  it("runs an approved action once however often the step runs, skips one left out, and tells it in the reply", async () => {
    const draft = await approvedDraft([
      refundAction(),
      refundAction({ id: "a2", input: { purchaseId: "pur_course" }, approved: false }),
    ]);
    const before = app.store.refunds.length;
    expect(await settleApprovedActions(workflow(), draft.id)).toEqual({ executed: 1, failed: null });
    expect(await settleApprovedActions(workflow(), draft.id)).toEqual({ executed: 1, failed: null });
    expect(app.store.refunds.slice(before)).toEqual([
      expect.objectContaining({ purchaseId: "pur_ebook", amount: 1900 }),
    ]);
    const text = await withExecutionSummaries(workflow(), draft.id, draft.text);
    expect(text).toBe(
      "Hi,\n\nDone.\n\nWe have refunded 19.00 EUR; it can take 5 to 10 days to appear on your statement.\n\nBest,\nUs",
    );
    // Already told (an approver who wrote it themselves): not told twice.
    expect(await withExecutionSummaries(workflow(), draft.id, text)).toBe(text);
  });

  it("records a refund nobody can make without claiming it in the reply", async () => {
    const draft = await approvedDraft([refundAction({ via: "recorded", input: { purchaseId: "pur_x", amount: 5 } })]);
    expect(await settleApprovedActions(workflow(), draft.id)).toEqual({ executed: 1, failed: null });
    const [execution] = await listExecutionsForDraft(tenant.database.db, tenant.orgId, draft.id);
    expect(execution).toMatchObject({ status: "succeeded", result: { recorded: true } });
    expect(await withExecutionSummaries(workflow(), draft.id, draft.text)).toBe(draft.text);
  });

  it("withholds the reply when an action fails and hands the draft back with the error", async () => {
    const draft = await approvedDraft([
      refundAction({ input: { purchaseId: "pur_missing", amount: 100, reason: "x" } }),
    ]);
    const settled = await settleApprovedActions(workflow(), draft.id);
    expect(settled).toEqual({
      executed: 0,
      failed: { action: "refund", error: expect.stringContaining("pur_missing") },
    });
    const after = await getDraft(tenant.database.db, tenant.orgId, draft.id);
    expect(after).toMatchObject({ status: "pending_approval", decidedBy: null });
    expect(after?.reason).toMatch(/^not sent: refund failed/);
    // A Stripe refund on a server without Stripe is a recorded failure too, not an exception.
    const stripeDraft = await approvedDraft([
      refundAction({ action: "stripe.refund", via: "stripe", input: { chargeId: "ch_1" } }),
    ]);
    expect((await settleApprovedActions(workflow(), stripeDraft.id)).failed).toMatchObject({
      action: "stripe.refund",
      error: expect.stringContaining("not configured"),
    });
  });

  it("does nothing for a draft that is not approved", async () => {
    const draft = await pendingDraft(tenant, undefined, { actions: [refundAction()] });
    expect(await settleApprovedActions(workflow(), draft.id)).toEqual({ executed: 0, failed: null });
    expect(await listExecutionsForDraft(tenant.database.db, tenant.orgId, draft.id)).toEqual([]);
  });
});
