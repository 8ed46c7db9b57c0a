import { randomUUID } from "node:crypto";
import { listDraftsForConversation } from "@support/db";
import type { ServiceContext } from "../service/context.js";
import type { DraftAction } from "./draft-actions.js";
import type { DraftInputs } from "./inputs.js";
import type { DraftValues } from "./plan-draft.js";

/**
 * The actions a person approved on this conversation's earlier drafts: with the draft's own
 * proposals, the only ones its reply may say were carried out (the action-claim gate, ADR 0090).
 */
export async function actionsTakenIn(ctx: ServiceContext, conversationId: string): Promise<string[]> {
  const drafts = await listDraftsForConversation(ctx.db, ctx.org.id, conversationId);
  return drafts
    .filter((d) => d.status === "approved" || d.status === "sent")
    .flatMap((d) => ((d.actions as DraftAction[] | null) ?? []).filter((a) => a.approved).map((a) => a.action));
}

/** A model call that threw: after the cascade's own fallback, nothing is left to draft with. */
export class ModelFailure extends Error {
  constructor(
    readonly call: string,
    cause: unknown,
  ) {
    super(`${call}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export const isModelFailure = (error: unknown): error is ModelFailure => error instanceof ModelFailure;

/**
 * When no model could triage or draft (Claude failed and so did the offline fallback), the
 * conversation still gets a draft: an empty one that needs a human, escalated so it lands in
 * "Needs attention" - never a silent failed run (ADR 0091).
 */
export function needsHumanValues(
  ctx: ServiceContext,
  inputs: Pick<DraftInputs, "conversation" | "message" | "app">,
  error: unknown,
): DraftValues {
  const detail = error instanceof Error ? error.message : String(error);
  const reason = `needs a human: no draft could be written (${detail.slice(0, 300)})`;
  return {
    orgId: ctx.org.id,
    appId: inputs.app.id,
    conversationId: inputs.conversation.id,
    messageId: inputs.message.id,
    status: "escalated",
    category: "other",
    text: "",
    citations: [],
    triage: { category: "other", confidence: 0, needsHuman: true, reasons: [reason] },
    gates: [],
    decision: { autoSend: false, wouldAutoSend: false, reasons: [reason], checks: [], fallback: [reason] },
    usage: [],
    traceId: randomUUID(),
    sentText: null,
    deliveryId: null,
    decidedBy: "pipeline",
    decidedAt: new Date(),
    decidedVia: null,
    remindedAt: null,
    reason,
    customer: null,
    actions: [],
  };
}
