import type { DraftView } from "@support/contract";
import { describe, expect, it } from "vitest";
import { ACTIONS, approvalCard, decidedCard, decisionLine } from "../src/card.js";
import { approveModal, editModal } from "../src/modals.js";

const draft = (over: Partial<DraftView> = {}): DraftView => ({
  id: "drf_01",
  appId: "app_01",
  conversationId: "cnv_01",
  messageId: "msg_01",
  status: "pending_approval",
  category: "account",
  text: "Click <Forgot password> & check your mail.",
  sentText: null,
  citations: [{ passageId: "psg_1", sourceId: "src_1", title: "Reset & recover", url: "https://help.test/reset" }],
  triage: { priority: "high" },
  gates: [
    { gate: "grounding", passed: true },
    { gate: "policy", passed: false, reason: "mentions a refund" },
  ],
  decision: { autoSend: false, wouldAutoSend: false, reasons: ["trust 0.42 < 0.9"] },
  usage: [],
  traceId: "trace",
  deliveryId: null,
  decidedBy: null,
  decidedVia: null,
  decidedAt: null,
  reason: null,
  customer: null,
  actions: [],
  executions: [],
  createdAt: new Date(0).toISOString(),
  ...over,
});
const ctx = (d: DraftView) => ({
  draft: d,
  customer: "Ada <ada@x.test>",
  subject: "Login",
  dashboardUrl: "http://h/drafts/drf_01",
});

describe("approval card", () => {
  it("escapes Slack's control characters and shows citations as links, gate warnings and trust", () => {
    const text = JSON.stringify(approvalCard(ctx(draft())).blocks);
    expect(text).toContain("Click &lt;Forgot password&gt; &amp; check your mail.");
    expect(text).toContain("Ada &lt;ada@x.test&gt;");
    expect(text).toContain("<https://help.test/reset|Reset &amp; recover>");
    expect(text).toContain(":warning: policy: mentions a refund");
    expect(text).not.toContain("grounding");
    expect(text).toContain("needs a human · trust 0.42 &lt; 0.9");
    expect(text).toContain("priority *high*");
  });

  it("replaces the buttons with who decided and the result", () => {
    const rejected = draft({ status: "rejected", decidedBy: "slack:cy", decidedVia: "slack", reason: "wrong" });
    expect(decisionLine(rejected)).toBe("Rejected by slack:cy (slack): wrong");
    const card = decidedCard(ctx(rejected));
    // Approve, Edit and Reject give way; only Reply stays, so a person can still answer.
    const buttons = card.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    expect(buttons.map((e) => ("action_id" in e ? e.action_id : undefined))).toEqual([ACTIONS.reply]);
    expect(card.text).toContain("Rejected by slack:cy");
  });

  it("offers Edit for a declined draft with no text, and the modal starts empty", () => {
    const declined = draft({ status: "declined", text: "" });
    expect(JSON.stringify(approvalCard(ctx(declined)).blocks)).toContain("Use Edit to write the reply");
    expect(JSON.stringify(editModal(declined))).not.toContain("initial_value");
  });

  it("shows the product app's data, its failures, and each proposed action with its risk and outcome", () => {
    const withActions = draft({
      customer: {
        user: { id: "usr_ada", name: "Ada", email: "ada@x.test" },
        purchases: [
          { id: "pur_1", productName: "Course <Pro>", amount: 9900, currency: "EUR", status: "paid", purchasedAt: "" },
        ],
        subscriptions: [],
        charges: [],
        failures: [{ action: "getSubscriptions", error: "timed out after 3000 ms" }],
      },
      actions: [
        {
          id: "a1",
          action: "stripe.refund",
          input: { purchaseId: "pur_1", amount: 9900 },
          risk: "approval_required",
          autoApprovable: false,
          reason: "Refund 99.00 EUR for Course.",
          via: "stripe",
        },
      ],
    });
    const waiting = JSON.stringify(approvalCard(ctx(withActions)).blocks);
    expect(waiting).toContain("Course &lt;Pro&gt; (99.00 EUR, paid)");
    expect(waiting).toContain(":warning: getSubscriptions: timed out after 3000 ms");
    expect(waiting).toContain(
      "*Action:* stripe.refund · Course &lt;Pro&gt; (pur_1) · 99.00 EUR (needs approval, via stripe)",
    );
    expect(waiting).not.toContain("failed:");

    const execution = {
      id: "exe_1",
      draftId: "drf_01",
      action: "stripe.refund",
      input: {},
      result: null,
      idempotencyKey: "k",
    };
    const failed = decidedCard(
      ctx({ ...withActions, executions: [{ ...execution, status: "failed", error: "charge disputed" }] }),
    );
    expect(JSON.stringify(failed.blocks)).toContain(":x: failed: charge disputed");
    const done = decidedCard(ctx({ ...withActions, executions: [{ ...execution, status: "succeeded", error: null }] }));
    expect(JSON.stringify(done.blocks)).toContain("via stripe) · succeeded");

    // Approve no longer approves from the card: it opens the modal where each action is ticked.
    const approve = approvalCard(ctx(withActions))
      .blocks.flatMap((b) => (b.type === "actions" ? b.elements : []))
      .find((e) => "action_id" in e && e.action_id === ACTIONS.approve);
    expect(JSON.stringify(approve)).toContain("Approve…");
    for (const modal of [approveModal(withActions), editModal(withActions)]) {
      const choice = modal.blocks.find((b) => "block_id" in b && b.block_id === "actions");
      expect(choice).toMatchObject({
        type: "input",
        optional: true,
        element: {
          type: "checkboxes",
          action_id: "chosen",
          options: [
            {
              value: "a1",
              text: { text: "stripe.refund · Course <Pro> (pur_1) · 99.00 EUR" },
              description: { text: "Refund 99.00 EUR for Course." },
            },
          ],
        },
      });
    }
    expect(JSON.stringify(approveModal(withActions).blocks[0])).toContain("Click <Forgot password>");
  });

  it("leaves the checkboxes out of the Edit modal of a draft without actions", () => {
    expect(JSON.stringify(editModal(draft()))).not.toContain("checkboxes");
    const card = approvalCard(ctx(draft()));
    expect(JSON.stringify(card.blocks)).toContain('"text":"Approve"');
  });
});

describe("customer text on cards (issue 14, Medium 6)", () => {
  const hostile = ctx(
    draft({
      text: "Hi <!channel> see <http://evil.test|your bank> & more",
      citations: [{ passageId: "p", sourceId: "s", title: "<!here>", url: "https://help.test/a|spoofed label" }],
    }),
  );
  hostile.customer = "<!channel> <http://evil.test|Your manager>";
  hostile.subject = "Refund & <@U123> now";
  const cards = [approvalCard(hostile), decidedCard({ ...hostile, draft: { ...hostile.draft, status: "approved" } })];

  it("escapes mentions, links, & < > in the notification text and every block", () => {
    for (const card of cards) {
      const all = JSON.stringify(card);
      expect(all).not.toContain("<!channel>");
      expect(all).not.toContain("<!here>");
      expect(all).not.toContain("<@U123>");
      expect(all).not.toContain("<http://evil.test|");
      expect(card.text).toContain("&lt;!channel&gt; &lt;http://evil.test|Your manager&gt;");
      expect(all).toContain("Refund &amp; &lt;@U123&gt; now");
    }
  });

  it("keeps a citation's link pointing where it says, a | in its URL cannot relabel it", () => {
    const all = JSON.stringify(cards[0]);
    expect(all).toContain("<https://help.test/a%7Cspoofed label|&lt;!here&gt;>");
  });
});
