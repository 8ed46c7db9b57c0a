import type { MessageId } from "../i18n/translator.js";
import { conversationPath, draftPath } from "./links.js";
import type { Attention } from "./types.js";

const TITLES: Record<Attention["kind"], MessageId> = {
  reply_failed: "queue.attention.reply_failed",
  escalation: "queue.attention.escalation",
  approval_reminder: "queue.attention.approval_reminder",
  procedure: "queue.attention.procedure",
  quote_approval: "queue.attention.quote_approval",
  order_confirmed: "queue.attention.order_confirmed",
  lead_qualified: "queue.attention.lead_qualified",
};

/** Failed sends first (a customer is left without the answer they were promised), then escalations, then reminders. */
const ORDER: Attention["kind"][] = [
  "reply_failed",
  "escalation",
  "approval_reminder",
  "procedure",
  "quote_approval",
  "order_confirmed",
  "lead_qualified",
];

export const attentionTitle = (item: Attention) => TITLES[item.kind];

export function orderAttention(items: Attention[]): Attention[] {
  return [...items].sort(
    (a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || b.createdAt.localeCompare(a.createdAt),
  );
}

/**
 * Where a person acts on it: the draft page (the thread, the decision, the reason), or the
 * conversation when nothing was drafted (a customer asking for a person before any draft).
 */
export function attentionLink(item: Attention): { to: string; label: MessageId } | undefined {
  if (item.draftId) return { to: draftPath(item.draftId), label: "queue.attention.openDraft" };
  if (item.conversationId) {
    return { to: conversationPath(item.conversationId), label: "queue.attention.openConversation" };
  }
  return undefined;
}
