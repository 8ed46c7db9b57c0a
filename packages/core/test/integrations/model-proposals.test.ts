import { describe, expect, it } from "vitest";
import { acceptModelProposals, actionTools } from "../../src/drafting/model-proposals.js";
import { type ProposalContext, proposeActions } from "../../src/drafting/proposals.js";

const NOW = new Date("2026-11-24T12:00:00Z");
const context: ProposalContext = {
  user: { id: "usr_ada", email: "ada@example.com" },
  purchases: [
    {
      id: "pur_course",
      productName: "TypeScript Pro course",
      amount: 9900,
      currency: "EUR",
      purchasedAt: "2026-11-10T08:30:00.000Z",
      status: "paid",
    },
    {
      id: "pur_old",
      productName: "Old course",
      amount: 4900,
      currency: "EUR",
      purchasedAt: "2025-01-10T08:30:00.000Z",
      status: "refunded",
      refundedAmount: 4900,
    },
  ],
};
const names = (tools: { name: string }[]) => tools.map((t) => t.name);

describe("the actions offered to the model", () => {
  it("are the app's write actions that the customer's data makes possible, in a fixed order", () => {
    expect(names(actionTools(null, context))).toEqual([
      "refund",
      "generateMagicLink",
      "revokeAccess",
      "transferPurchase",
      "updateEmail",
    ]);
    expect(names(actionTools(["lookupUser", "getPurchases", "generateMagicLink", "refund"], context))).toEqual([
      "refund",
      "generateMagicLink",
    ]);
    const nothingToRefund = { ...context, purchases: context.purchases.slice(1) };
    expect(names(actionTools(["refund", "transferPurchase"], nothingToRefund))).toEqual(["transferPurchase"]);
    expect(names(actionTools(null, { ...context, user: { id: "usr_ada" } }))).not.toContain("generateMagicLink");
    expect(actionTools(null, { user: null, purchases: [] })).toEqual([]);
  });
});

describe("accepting the model's proposals", () => {
  const offered = actionTools(["refund", "generateMagicLink", "revokeAccess"], context);
  const accept = (proposals: { action: string; input: unknown }[], policy = {}) =>
    acceptModelProposals(proposals, offered, { context, policy, now: NOW });

  it("auto-approves a refund only inside the app's policy limits, whoever proposed it", () => {
    const refund = { action: "refund", input: { purchaseId: "pur_course", reason: "not for me" } };
    const inside = { refundAutoApproveDays: 30, refundAutoApproveBelow: 10_000 };
    expect(accept([refund], inside).proposed[0]).toMatchObject({ risk: "approval_required", autoApprovable: true });
    expect(accept([refund], { ...inside, refundAutoApproveBelow: 9_900 }).proposed[0]?.autoApprovable).toBe(false);
    expect(accept([refund]).proposed[0]?.autoApprovable).toBe(false);
    // The same refund from the offline rules is the same proposal but for who proposed it.
    const [byRules] = proposeActions({ intent: "refund_request", context, policy: inside, now: NOW });
    const [byModel] = accept(
      [{ ...refund, input: { ...refund.input, reason: "customer request (refund_request)" } }],
      inside,
    ).proposed;
    expect(byModel).toEqual({ ...byRules, reason: `${byRules?.reason} Proposed by the model.` });
  });

  it("drops what the customer's data does not support, and what was not offered", () => {
    const { proposed, dropped } = accept([
      { action: "refund", input: { purchaseId: "pur_old", reason: "x" } },
      { action: "generateMagicLink", input: { email: "mallory@example.com" } },
      { action: "revokeAccess", input: { userId: "usr_bob", reason: "x" } },
      { action: "updateEmail", input: { userId: "usr_ada", newEmail: "ada@new.example" } },
      { action: "generateMagicLink", input: { email: "ADA@example.com" } },
    ]);
    expect(dropped).toEqual([
      "dropped the model's refund: purchase pur_old has nothing left to refund",
      "dropped the model's generateMagicLink: a login link goes only to the address on the account",
      "dropped the model's revokeAccess: account usr_bob is not the customer's",
      "dropped the model's updateEmail: not an action that was offered",
    ]);
    expect(proposed).toEqual([
      expect.objectContaining({ action: "generateMagicLink", risk: "low_impact_write", autoApprovable: true }),
    ]);
  });
});
