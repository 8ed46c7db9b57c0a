import type { DraftView } from "@support/contract";
import { insertOutcome, transitionDraft } from "@support/db";
import { commitChange } from "../service/change.js";
import { type ServiceContext, surfaceOf } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { OPEN_STATUSES, wouldAutoSend } from "./decisions.js";
import { publicDraft } from "./public-draft.js";

/** The reason a draft set aside for a new one carries, before the person's note. */
export const REDRAFT_REASON = "new draft requested";

/**
 * Whether a draft was set aside for a new one (rather than superseded by a newer customer message
 * or a person's reply), and the person's note if they left one.
 */
export function redraftNote(draft: { status: string; reason?: string | null }): { note: string | null } | undefined {
  if (draft.status !== "superseded" || !draft.reason?.startsWith(REDRAFT_REASON)) return undefined;
  const note = draft.reason.slice(REDRAFT_REASON.length).replace(/^: /, "");
  return { note: note || null };
}

/**
 * A person sets a waiting draft aside and asks for a new one on the same customer message (after
 * adding knowledge, say). The draft becomes `superseded` with the person's note; its outcome is
 * `rejected` (a person judged it not sendable, so it counts against trust); the drafting workflow
 * runs again on `support/draft.requested` and stores attempt n + 1. Exactly once: the transition
 * from an open status happens once, so a second request answers 409 and requests nothing.
 */
export async function requestNewDraft(
  ctx: ServiceContext,
  draftId: string,
  input: { note?: string } = {},
): Promise<DraftView> {
  const orgId = ctx.org.id;
  const surface = surfaceOf(ctx.actor);
  const note = input.note?.trim() || null;
  if (note && note.length > 2000) throw new AppError("invalid_input", "note: at most 2000 characters");
  const after = await commitChange(ctx, async (tx, log) => {
    const { draft, changed } = await transitionDraft(tx, orgId, draftId, OPEN_STATUSES, {
      status: "superseded",
      reason: note ? `${REDRAFT_REASON}: ${note}` : REDRAFT_REASON,
      decidedBy: ctx.actor.name,
      decidedAt: new Date(),
      decidedVia: surface,
    });
    if (!draft) throw new AppError("not_found", `draft "${draftId}" not found`);
    if (!changed) throw new AppError("conflict", `draft ${draftId} is already ${draft.status}`);
    await insertOutcome(tx, {
      orgId,
      appId: draft.appId,
      draftId,
      category: draft.category,
      outcome: "rejected",
      overlapBp: null,
      wouldAutoSend: wouldAutoSend(draft),
      actor: ctx.actor.name,
      surface,
    });
    await log.audit({
      action: "draft.redraft_requested",
      subject: draftId,
      traceId: draft.traceId,
      data: { note, surface, attempt: draft.attempt + 1 },
    });
    await log.emit("support/draft.requested", {
      v: 1,
      orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      messageId: draft.messageId,
      replacesDraftId: draftId,
      attempt: draft.attempt + 1,
    });
    return draft;
  });
  return publicDraft(after);
}
