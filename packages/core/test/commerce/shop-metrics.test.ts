import type { ShopMetricRows } from "@support/db";
import { describe, expect, it } from "vitest";
import { computeShopMetrics } from "../../src/commerce/shop-metrics.js";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute));
const range = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-02-01T00:00:00Z") };

/** Three conversations of a shop's month: answered in 2 and 10 minutes, one never answered. */
const rows: ShopMetricRows = {
  conversations: [{ id: "c1" }, { id: "c2" }, { id: "c3" }],
  messages: [
    { conversationId: "c1", direction: "inbound", authorKind: "customer", createdAt: at(0) },
    { conversationId: "c1", direction: "outbound", authorKind: "bot", createdAt: at(2) },
    { conversationId: "c1", direction: "inbound", authorKind: "customer", createdAt: at(3) },
    // The hand-off notice answers nothing: c2's first answer is the person's, 10 minutes in.
    { conversationId: "c2", direction: "inbound", authorKind: "customer", createdAt: at(0) },
    { conversationId: "c2", direction: "outbound", authorKind: "system", createdAt: at(1) },
    { conversationId: "c2", direction: "outbound", authorKind: "agent", createdAt: at(10) },
    { conversationId: "c3", direction: "inbound", authorKind: "customer", createdAt: at(5) },
  ],
  drafts: [
    { status: "auto_sent" },
    { status: "auto_sent" },
    { status: "escalated" },
    { status: "sent" },
    { status: "superseded" },
  ],
  leads: [
    { stage: "won", quoteId: "q1" },
    { stage: "quoted", quoteId: "q2" },
    { stage: "qualified", quoteId: null },
    { stage: "new", quoteId: null },
  ],
  quotes: [{ status: "accepted" }, { status: "sent" }, { status: "pending_approval" }, { status: "draft" }],
};

describe("shop metrics", () => {
  it("counts automatic answers, escalations, lead → quote → order and the median first answer", () => {
    expect(computeShopMetrics(rows, range)).toEqual({
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-02-01T00:00:00.000Z",
      automaticAnswerRate: { rate: 0.5, count: 2, of: 4 },
      escalationRate: { rate: 0.25, count: 1, of: 4 },
      leadToQuote: { rate: 0.5, count: 2, of: 4 },
      quoteToOrder: { rate: 0.5, count: 1, of: 2 },
      firstAnswerMs: 6 * 60_000,
      conversations: 3,
    });
  });

  it("says nothing was counted rather than 0 % on an empty period", () => {
    const empty = computeShopMetrics({ conversations: [], messages: [], drafts: [], leads: [], quotes: [] }, range);
    expect(empty.automaticAnswerRate).toEqual({ rate: null, count: 0, of: 0 });
    expect(empty.firstAnswerMs).toBeNull();
  });
});
