import { listExecutionsForDraft } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actionIdempotencyKey,
  executeAction,
  executionSummary,
  gatherCustomerContext,
  integrateApp,
  proposeActions,
} from "../../src/index.js";
import {
  openTestTenant,
  pendingDraft,
  type RunningSampleApp,
  startSampleApp,
  type TestTenant,
  tenantContext,
} from "./harness.js";

const SECRET = "whsec_actions_secret_001";
const NOW = new Date("2026-11-24T12:00:00Z");
let tenant: TestTenant;
let app: RunningSampleApp;
const deps = () => ({ db: tenant.database.db, secrets: tenant.secrets });
/** The direct route's caller: an admin, on an action an approved draft proposed (issue 14). */
const admin = () => tenantContext(tenant, "admin");

/** An approved draft that proposed `action` with `input`, as the approval left it. */
function approvedDraftWith(action: string, input: Record<string, unknown>) {
  return pendingDraft(tenant, undefined, {
    status: "approved",
    actions: [
      {
        id: "a1",
        action,
        input,
        risk: "approval_required",
        autoApprovable: false,
        reason: "r",
        via: "app",
        approved: true,
      },
    ],
  });
}

beforeAll(async () => {
  tenant = await openTestTenant();
  app = await startSampleApp([SECRET]);
  await integrateApp(tenantContext(tenant), tenant.appId, { url: app.url, secret: SECRET });
});
afterAll(async () => {
  await app.close();
  await tenant.database.close();
});

async function adaContext() {
  return gatherCustomerContext(deps(), {
    orgId: tenant.orgId,
    appId: tenant.appId,
    contact: { email: "ada@example.com" },
  });
}

describe("proposing actions from the intent", () => {
  it("proposes refunding the purchase the message names, auto-approvable only inside the app's limits", async () => {
    const context = await adaContext();
    const message = "Please refund the TypeScript course.";
    const propose = (policy: object) =>
      proposeActions({ intent: "refund_request", context, policy, now: NOW, message });
    const [refund] = propose({ refundAutoApproveDays: 30, refundAutoApproveBelow: 10_000 });
    expect(refund).toMatchObject({
      action: "refund",
      input: { purchaseId: "pur_course", amount: 9900 },
      risk: "approval_required",
      autoApprovable: true,
    });
    expect(refund?.reason).toContain("99.00 EUR");
    expect(propose({ refundAutoApproveDays: 30, refundAutoApproveBelow: 9_900 })[0]?.autoApprovable).toBe(false);
    expect(propose({ refundAutoApproveDays: 10, refundAutoApproveBelow: 10_000 })[0]?.autoApprovable).toBe(false);
    expect(propose({})[0]?.autoApprovable).toBe(false);
  });

  it("proposes a magic link for a login problem, and nothing for other intents or unknown customers", async () => {
    const context = await adaContext();
    expect(proposeActions({ intent: "login_problem", context, policy: {} })).toEqual([
      expect.objectContaining({
        action: "generateMagicLink",
        input: { email: "ada@example.com" },
        autoApprovable: true,
      }),
    ]);
    expect(proposeActions({ intent: "order_status", context, policy: {} })).toEqual([]);
    expect(proposeActions({ intent: "refund_request", context: { user: null, purchases: [] }, policy: {} })).toEqual(
      [],
    );
    expect(
      proposeActions({ intent: "refund_request", context, policy: {}, capabilities: ["lookupUser", "getPurchases"] }),
    ).toEqual([]);
  });
});

describe("executing an approved action", () => {
  it("runs a refund exactly once however often and however concurrently it is asked", async () => {
    const input = { purchaseId: "pur_ebook", amount: 1900, reason: "customer request" };
    const draft = await approvedDraftWith("refund", input);
    const request = { app: tenant.appId, draftId: draft.id, action: "refund", input };
    const results = await Promise.all([executeAction(admin(), request), executeAction(admin(), request)]);
    expect(results.filter((r) => r.executed)).toHaveLength(1);
    const again = await executeAction(admin(), request);
    expect(again).toMatchObject({ executed: false, execution: { status: "succeeded" } });
    expect(app.store.refunds.filter((r) => r.purchaseId === "pur_ebook")).toHaveLength(1);

    const [row] = await listExecutionsForDraft(tenant.database.db, tenant.orgId, draft.id);
    expect(row).toMatchObject({
      status: "succeeded",
      idempotencyKey: actionIdempotencyKey(draft.conversationId, "refund", request.input),
      result: { purchaseId: "pur_ebook", amount: 1900, currency: "EUR", status: "succeeded" },
    });
    const executed = results.find((r) => r.executed)?.execution;
    expect(executed && executionSummary(executed)).toContain("refunded 19.00 EUR");
  });

  it("records what the app refused instead of throwing, and refuses what the draft did not propose", async () => {
    const missing = { purchaseId: "pur_missing", reason: "customer request" };
    const draft = await approvedDraftWith("refund", missing);
    const base = { app: "courses", draftId: draft.id };
    const refused = await executeAction(admin(), { ...base, action: "refund", input: missing });
    expect(refused).toMatchObject({
      executed: true,
      execution: { status: "failed", error: expect.stringContaining("404") },
    });
    expect(executionSummary(refused.execution)).toBeUndefined();

    const code = (p: Promise<unknown>) => p.catch((e: { code: string }) => e.code);
    expect(await code(executeAction(admin(), { ...base, action: "getPurchases", input: { userId: "usr_ada" } }))).toBe(
      "forbidden",
    );
    expect(await code(executeAction(admin(), { ...base, action: "refund", input: { purchaseId: "p" } }))).toBe(
      "forbidden",
    );
    // A proposal the app's contract refuses is a failed execution, never a call.
    const bad = await approvedDraftWith("refund", { purchaseId: "p" });
    const invalid = await executeAction(admin(), {
      ...base,
      draftId: bad.id,
      action: "refund",
      input: { purchaseId: "p" },
    });
    expect(invalid.execution).toMatchObject({ status: "failed", error: expect.stringContaining("input") });
    expect(
      await code(
        executeAction(admin(), {
          ...base,
          draftId: "drf_missing",
          action: "refund",
          input: { purchaseId: "p", reason: "r" },
        }),
      ),
    ).toBe("not_found");
    expect(
      await code(
        executeAction(admin(), { ...base, app: "nope", action: "refund", input: { purchaseId: "p", reason: "r" } }),
      ),
    ).toBe("not_found");
  });

  it("keys by conversation, action and input: the same refund in another conversation is another execution", () => {
    const input = { purchaseId: "p1", amount: 100, reason: "r" };
    const key = actionIdempotencyKey("cnv_a", "refund", input);
    expect(actionIdempotencyKey("cnv_a", "refund", { reason: "r", amount: 100, purchaseId: "p1" })).toBe(key);
    expect(actionIdempotencyKey("cnv_b", "refund", input)).not.toBe(key);
    expect(actionIdempotencyKey("cnv_a", "refund", { ...input, amount: 101 })).not.toBe(key);
  });
});
