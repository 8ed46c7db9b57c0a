import { describe, expect, it } from "vitest";
import {
  approvable,
  commandForKey,
  filterQueue,
  isSlaBreached,
  moveSelection,
  orderQueue,
  prioritiesOf,
} from "../src/lib/queue.js";
import type { Draft, DraftStatus } from "../src/lib/types.js";

function draft(id: string, status: DraftStatus, createdAt: string, extra: Partial<Draft> = {}): Draft {
  return {
    id,
    appId: "app_1",
    conversationId: `cnv_${id}`,
    messageId: `msg_${id}`,
    status,
    category: "billing",
    text: `reply ${id}`,
    sentText: null,
    citations: [],
    triage: {},
    gates: [],
    decision: {},
    usage: [],
    traceId: `trc_${id}`,
    deliveryId: null,
    decidedBy: null,
    decidedVia: null,
    decidedAt: null,
    reason: null,
    customer: null,
    actions: [],
    executions: [],
    createdAt,
    ...extra,
  };
}

const key = (k: string, extra: Partial<Parameters<typeof commandForKey>[0]> = {}) =>
  commandForKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...extra });

describe("review queue ordering and filters", () => {
  const drafts = [
    draft("sent-new", "sent", "2026-01-05T00:00:00Z"),
    draft("pending-new", "pending_approval", "2026-01-04T00:00:00Z"),
    draft("rejected-old", "rejected", "2026-01-01T00:00:00Z"),
    draft("pending-old", "pending_approval", "2026-01-02T00:00:00Z", { category: "shipping", text: "Your parcel" }),
    draft("declined", "declined", "2026-01-03T00:00:00Z", { category: "other" }),
  ];

  it("puts pending drafts first, longest-waiting first, then the rest newest first", () => {
    expect(orderQueue(drafts).map((d) => d.id)).toEqual([
      "pending-old",
      "declined",
      "pending-new",
      "sent-new",
      "rejected-old",
    ]);
  });

  it("filters by status, category, channel and search text together", () => {
    expect(filterQueue(drafts, { status: "pending_approval" }).map((d) => d.id)).toEqual([
      "pending-new",
      "pending-old",
    ]);
    expect(filterQueue(drafts, { category: "shipping" }).map((d) => d.id)).toEqual(["pending-old"]);
    expect(filterQueue(drafts, { search: "PARCEL" }).map((d) => d.id)).toEqual(["pending-old"]);
    const channels = { "cnv_sent-new": "zendesk", "cnv_pending-new": "generic" };
    expect(filterQueue(drafts, { channel: "zendesk" }, { channels }).map((d) => d.id)).toEqual(["sent-new"]);
    expect(filterQueue(drafts, { channel: "zendesk", status: "pending_approval" }, { channels })).toEqual([]);
  });

  it("filters by triage priority and by breached approval SLA (open drafts only)", () => {
    const urgent = draft("urgent", "pending_approval", "2026-01-01T00:00:00Z", { triage: { priority: "urgent" } });
    const fresh = draft("fresh", "pending_approval", "2026-01-01T23:00:00Z", { triage: { priority: "normal" } });
    const oldSent = draft("old-sent", "sent", "2025-12-01T00:00:00Z");
    const all = [urgent, fresh, oldSent];
    expect(filterQueue(all, { priority: "urgent" }).map((d) => d.id)).toEqual(["urgent"]);
    expect(prioritiesOf(all)).toEqual(["normal", "urgent"]);
    const now = Date.parse("2026-01-02T00:00:00Z");
    const slaHours = { app_1: 4 };
    expect(filterQueue(all, { slaBreached: true }, { slaHours, now }).map((d) => d.id)).toEqual(["urgent"]);
    expect(isSlaBreached(fresh, slaHours, now)).toBe(false);
    expect(isSlaBreached(urgent, {}, now)).toBe(false);
  });

  it("bulk approve takes only selected drafts that are still pending", () => {
    const selected = new Set(["sent-new", "pending-new", "declined", "absent"]);
    expect(approvable(drafts, selected).map((d) => d.id)).toEqual(["pending-new", "declined"]);
  });

  it("leaves a draft with proposed actions to its own page, where they are shown and picked", () => {
    const refund = draft("with-refund", "pending_approval", "2026-01-01T00:00:00Z", {
      actions: [
        {
          id: "a1",
          action: "refund",
          input: {},
          risk: "approval_required",
          autoApprovable: false,
          reason: "Refund.",
          via: "app",
        },
      ],
    });
    expect(approvable([...drafts, refund], new Set(["pending-new", "with-refund"])).map((d) => d.id)).toEqual([
      "pending-new",
    ]);
  });
});

describe("keyboard flow", () => {
  it("j/k move the selection and stop at the ends", () => {
    const ids = ["a", "b", "c"];
    expect(moveSelection(ids, undefined, 1)).toBe("a");
    expect(moveSelection(ids, "a", 1)).toBe("b");
    expect(moveSelection(ids, "c", 1)).toBe("c");
    expect(moveSelection(ids, "a", -1)).toBe("a");
    expect(moveSelection(ids, "gone", -1)).toBe("a");
    expect(moveSelection([], "a", 1)).toBeUndefined();
  });

  it("maps j k a e r to commands, and ignores typing and modified keys", () => {
    expect(["j", "k", "a", "e", "r"].map((k) => key(k))).toEqual(["next", "previous", "approve", "edit", "reject"]);
    expect(key("x")).toBeUndefined();
    expect(key("a", { targetTag: "TEXTAREA" })).toBeUndefined();
    expect(key("r", { targetTag: "INPUT" })).toBeUndefined();
    expect(key("e", { targetEditable: true })).toBeUndefined();
    expect(key("r", { ctrlKey: true })).toBeUndefined();
    expect(key("a", { metaKey: true })).toBeUndefined();
  });
});
