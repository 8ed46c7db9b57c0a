import type { KnownBlock } from "@slack/web-api";
import type { DraftView } from "@support/contract";
import { formatMoney, type ReviewCard, redraftNote } from "@support/core";
import { actionHeadline, summarizeAction } from "./action-summary.js";

/** What an approval card shows about a draft and the conversation it answers, with the way to the dashboard. */
export interface CardContext extends ReviewCard {
  dashboardUrl: string;
}

export const ACTIONS = {
  approve: "draft_approve",
  edit: "draft_edit",
  reject: "draft_reject",
  open: "draft_open",
  /** A person answers the conversation in their own words (a modal), whatever the draft's state. */
  reply: "conversation_reply",
} as const;

const RESULT_LABELS: Record<string, string> = {
  approved: "Approved",
  sent: "Approved and sent",
  auto_sent: "Auto-sent",
  rejected: "Rejected",
  escalated: "Escalated",
  failed: "Approved, but the send failed",
  superseded: "Superseded by a newer message",
  expired: "Expired",
};

/** Slack mrkdwn treats &, < and > as control characters. */
export const escapeMrkdwn = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A URL inside `<url|label>`: escaped like text, and a `|` cannot end it early to relabel it. */
const linkTarget = (url: string) => escapeMrkdwn(url).replace(/\|/g, "%7C");
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: clip(text, 2900) } });
const context = (text: string): KnownBlock => ({
  type: "context",
  elements: [{ type: "mrkdwn", text: clip(text, 2900) }],
});

/** Who decided and what became of the draft, in one line (also the ephemeral "already decided" answer). */
export function decisionLine(draft: DraftView): string {
  const redraft = redraftNote(draft);
  if (redraft) {
    const who = draft.decidedBy ? ` at the request of ${draft.decidedBy}` : "";
    const via = draft.decidedVia ? ` (${draft.decidedVia})` : "";
    return `Replaced by a new draft${who}${via}${redraft.note ? `: ${redraft.note}` : ""}`;
  }
  const label = RESULT_LABELS[draft.status] ?? draft.status;
  const who = draft.decidedBy ? ` by ${draft.decidedBy}` : "";
  const via = draft.decidedVia ? ` (${draft.decidedVia})` : "";
  const reason = draft.status === "rejected" && draft.reason ? `: ${draft.reason}` : "";
  return `${label}${who}${via}${reason}`;
}

function trustSummary(draft: DraftView): string {
  const decision = draft.decision as { autoSend?: boolean; wouldAutoSend?: boolean; reasons?: string[] };
  const verdict = decision.autoSend
    ? "auto-sent"
    : decision.wouldAutoSend
      ? "autonomy would have sent this (shadow mode)"
      : "needs a human";
  const reasons = (decision.reasons ?? []).slice(0, 3).map(escapeMrkdwn).join("; ");
  return `*Trust:* ${verdict}${reasons ? ` · ${reasons}` : ""}`;
}

/** The product app's data on the customer, and a warning for each call that failed. */
function customerBlocks(draft: DraftView): KnownBlock[] {
  const customer = draft.customer;
  if (!customer) return [];
  const user = customer.user as { name?: string; email?: string } | null;
  const purchases = customer.purchases.map((p) => {
    const { productName, amount, currency, status } = p as {
      productName: string;
      amount: number;
      currency: string;
      status: string;
    };
    return `${escapeMrkdwn(productName)} (${formatMoney(amount, currency)}, ${escapeMrkdwn(status)})`;
  });
  const who = user ? escapeMrkdwn([user.name, user.email].filter(Boolean).join(", ")) : "no account in the app";
  const blocks = [context(`*In the app:* ${who}${purchases.length ? ` · ${purchases.join(" · ")}` : ""}`)];
  const failures = customer.failures.map((f) => `:warning: ${f.action}: ${escapeMrkdwn(f.error)}`);
  if (failures.length > 0) blocks.push(context(`Could not read from the app: ${failures.join(" · ")}`));
  return blocks;
}

const RISK_LABELS: Record<string, string> = {
  read: "read",
  low_impact_write: "low impact",
  approval_required: "needs approval",
};

/** Each proposed action (kind, object, amount) with its risk and route, and once run, its outcome. */
function actionBlocks(draft: DraftView): KnownBlock[] {
  return draft.actions.map((a) => {
    const execution = draft.executions.find((e) => e.action === a.action);
    const outcome = execution
      ? execution.status === "failed"
        ? ` · :x: failed: ${escapeMrkdwn(execution.error ?? "unknown error")}`
        : ` · ${execution.status}`
      : a.approved === false
        ? " · not approved"
        : "";
    const via = a.via === "recorded" ? "recorded only" : `via ${a.via}`;
    const headline = escapeMrkdwn(actionHeadline(summarizeAction(draft, a)));
    return section(
      `*Action:* ${headline} (${RISK_LABELS[a.risk] ?? a.risk}, ${via})${outcome}\n${escapeMrkdwn(a.reason)}`,
    );
  });
}

function bodyBlocks(ctx: CardContext): KnownBlock[] {
  const { draft } = ctx;
  const priority = String((draft.triage as { priority?: string }).priority ?? "normal");
  const blocks: KnownBlock[] = [
    section(`*${escapeMrkdwn(ctx.customer)}* · ${escapeMrkdwn(ctx.subject ?? "(no subject)")}`),
    context(`Category *${escapeMrkdwn(draft.category)}* · priority *${escapeMrkdwn(priority)}* · draft ${draft.id}`),
    section(
      draft.text
        ? `>${escapeMrkdwn(draft.text).replace(/\n/g, "\n>")}`
        : "_No draft: the knowledge base had no answer. Use Edit to write the reply._",
    ),
  ];
  const cited = draft.citations.map((c) =>
    c.url ? `<${linkTarget(c.url)}|${escapeMrkdwn(c.title)}>` : escapeMrkdwn(c.title),
  );
  if (cited.length > 0) blocks.push(context(`Sources: ${cited.join(" · ")}`));
  const warnings = draft.gates
    .filter((g) => !g.passed)
    .map((g) => `:warning: ${g.gate}: ${escapeMrkdwn(g.reason ?? "failed")}`);
  if (warnings.length > 0) blocks.push(section(warnings.join("\n")));
  blocks.push(...customerBlocks(draft), ...actionBlocks(draft));
  blocks.push(context(trustSummary(draft)));
  return blocks;
}

const button = (text: string, actionId: string, value: string, style?: "primary" | "danger") => ({
  type: "button" as const,
  text: { type: "plain_text" as const, text },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

/**
 * The card while the draft waits: everything a reviewer needs, and the buttons. With proposed
 * actions, Approve opens a modal listing them to tick (the card's click alone runs nothing).
 */
export function approvalCard(ctx: CardContext): { text: string; blocks: KnownBlock[] } {
  const id = ctx.draft.id;
  const approve = ctx.draft.actions.length > 0 ? "Approve…" : "Approve";
  return {
    // The notification text is mrkdwn too: a customer named `<!channel>` must not ping anyone.
    text: `Draft for ${escapeMrkdwn(ctx.customer)} waiting for approval`,
    blocks: [
      ...bodyBlocks(ctx),
      {
        type: "actions",
        block_id: `draft:${id}`,
        elements: [
          button(approve, ACTIONS.approve, id, "primary"),
          button("Edit", ACTIONS.edit, id),
          button("Reject", ACTIONS.reject, id, "danger"),
          { ...button("Open in dashboard", ACTIONS.open, id), url: ctx.dashboardUrl },
          button("Reply", ACTIONS.reply, ctx.draft.conversationId),
        ],
      },
    ],
  };
}

/** The card once decided: the buttons give way to who decided and the result. */
export function decidedCard(ctx: CardContext): { text: string; blocks: KnownBlock[] } {
  const line = decisionLine(ctx.draft);
  const sent = ctx.draft.sentText && ctx.draft.sentText !== ctx.draft.text ? "\n_Sent with edits._" : "";
  return {
    text: `Draft for ${escapeMrkdwn(ctx.customer)}: ${escapeMrkdwn(line)}`,
    blocks: [
      ...bodyBlocks(ctx),
      section(`*${escapeMrkdwn(line)}*${sent}`),
      { type: "actions", elements: [button("Reply", ACTIONS.reply, ctx.draft.conversationId)] },
      context(`<${linkTarget(ctx.dashboardUrl)}|Open in dashboard>`),
    ],
  };
}
