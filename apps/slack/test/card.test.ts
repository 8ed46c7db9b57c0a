import type { PublicDraft } from "@support/core";
import { describe, expect, it } from "vitest";
import { approvalCard, decidedCard, decisionLine } from "../src/card.js";
import { editModal } from "../src/modals.js";

const draft = (over: Partial<PublicDraft> = {}): PublicDraft => ({
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
  createdAt: new Date(0).toISOString(),
  ...over,
});
const ctx = (d: PublicDraft) => ({
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
    expect(card.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(card.text).toContain("Rejected by slack:cy");
  });

  it("offers Edit for a declined draft with no text, and the modal starts empty", () => {
    const declined = draft({ status: "declined", text: "" });
    expect(JSON.stringify(approvalCard(ctx(declined)).blocks)).toContain("Use Edit to write the reply");
    expect(JSON.stringify(editModal(declined))).not.toContain("initial_value");
  });
});
