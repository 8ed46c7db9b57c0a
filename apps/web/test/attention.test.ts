import { describe, expect, it } from "vitest";
import { createTranslator } from "../src/i18n/translator.js";
import { attentionLink, attentionTitle, orderAttention } from "../src/lib/attention.js";
import { slackConnectBody } from "../src/lib/slack-form.js";
import type { Attention } from "../src/lib/types.js";

const t = createTranslator("en");

const item = (
  id: string,
  kind: Attention["kind"],
  createdAt: string,
  draftId: string | null = `drf_${id}`,
  conversationId: string | null = `cnv_${id}`,
) => ({
  id,
  kind,
  appId: "app_1",
  conversationId,
  draftId,
  reason: "why",
  postedToSlack: false,
  createdAt,
});

describe("needs attention", () => {
  it("puts failed sends first, then escalations, then reminders, newest first within a kind", () => {
    const ordered = orderAttention([
      item("r", "approval_reminder", "2026-01-03T00:00:00Z"),
      item("e1", "escalation", "2026-01-01T00:00:00Z"),
      item("f", "reply_failed", "2026-01-01T00:00:00Z"),
      item("e2", "escalation", "2026-01-02T00:00:00Z"),
    ]);
    expect(ordered.map((n) => n.id)).toEqual(["f", "e2", "e1", "r"]);
  });

  it("names each kind and links to the draft, else to the conversation", () => {
    expect(t(attentionTitle(item("f", "reply_failed", "2026-01-01T00:00:00Z")))).toBe("Reply not sent");
    expect(attentionLink(item("a/b", "escalation", "2026-01-01T00:00:00Z"))).toEqual({
      to: "/drafts/drf_a%2Fb",
      label: "queue.attention.openDraft",
    });
    expect(attentionLink(item("x", "escalation", "2026-01-01T00:00:00Z", null))).toEqual({
      to: "/conversations/cnv_x",
      label: "queue.attention.openConversation",
    });
    expect(attentionLink(item("y", "escalation", "2026-01-01T00:00:00Z", null, null))).toBeUndefined();
  });
});

describe("Slack form", () => {
  it("keeps stored secrets when their fields are empty and sends an empty summary channel as null", () => {
    const fields: Record<string, string> = { channelId: " C0APPROVALS ", summaryChannelId: "", botToken: "" };
    expect(slackConnectBody((name) => fields[name] ?? "")).toEqual({
      channelId: "C0APPROVALS",
      summaryChannelId: null,
    });
    const first: Record<string, string> = {
      channelId: "C0A",
      summaryChannelId: "C0S",
      botToken: "xoxb-1",
      signingSecret: "s3cret",
    };
    expect(slackConnectBody((name) => first[name] ?? "")).toEqual({
      channelId: "C0A",
      summaryChannelId: "C0S",
      botToken: "xoxb-1",
      signingSecret: "s3cret",
    });
  });
});
