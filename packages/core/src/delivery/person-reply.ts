import { randomUUID } from "node:crypto";
import type { DeliveryView, PersonReplyInput } from "@support/contract";
import {
  type DeliveryRecord,
  findDraftByDelivery,
  findMessageByExternalId,
  getDelivery,
  insertMessage,
  transitionDraft,
  updateConversation,
} from "@support/db";
import { supersedePendingDrafts } from "../review/supersede.js";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { replyTargetFor } from "./reply-target.js";
import { sendReply } from "./send-reply.js";

export function publicDelivery(d: DeliveryRecord): DeliveryView {
  return {
    id: d.id,
    channel: d.channelKind,
    status: d.status as DeliveryView["status"],
    sandbox: d.sandbox,
    attempts: d.attempts,
    vendorMessageId: d.vendorMessageId,
    failureReason: d.failureReason,
    sentAt: d.sentAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    readAt: d.readAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

const WINDOW_CLOSED = "whatsapp_window_closed:";

/**
 * A person answers a conversation in whatever state it is (escalated, declined, failed, or one
 * they start), on the conversation's own channel. The delivery goes through `sendReply`, so the
 * same idempotency key never reaches the customer twice; without a key every call is a new reply.
 * A vendor failure is returned as a failed delivery (resend it with `resendDelivery`); a closed
 * WhatsApp window with no approved template is a typed error, since resending cannot help.
 */
export async function replyAsPerson(
  ctx: ServiceContext,
  conversationId: string,
  input: PersonReplyInput,
): Promise<DeliveryView> {
  requireRole(ctx, "agent");
  const text = input.text.trim();
  if (!text) throw new AppError("invalid_input", "a reply needs text");
  const target = await replyTargetFor(ctx, conversationId);
  const key = `person:${input.idempotencyKey ?? randomUUID()}`;
  const delivery = await sendReply(ctx, target, { text }, { idempotencyKey: key, rating: true });
  await recordPersonReply(ctx, delivery, text, "reply.person_sent");
  return publicDelivery(delivery);
}

/**
 * Sends a failed delivery's text again, as a new delivery keyed on the failed one: resending the
 * same failed delivery twice sends once. When the failed delivery carried a draft, the draft
 * moves from `failed` to `sent` with the new delivery.
 */
export async function resendDelivery(ctx: ServiceContext, deliveryId: string): Promise<DeliveryView> {
  requireRole(ctx, "agent");
  const orgId = ctx.org.id;
  const failed = await getDelivery(ctx.db, orgId, deliveryId);
  if (!failed) throw new AppError("not_found", `delivery "${deliveryId}" not found`);
  if (failed.status !== "failed") {
    throw new AppError(
      "conflict",
      `delivery "${deliveryId}" is ${failed.status}: only a failed delivery can be resent`,
    );
  }
  const draft = await findDraftByDelivery(ctx.db, orgId, failed.id);
  const text = failed.text ?? draft?.sentText;
  if (!text) throw new AppError("conflict", `delivery "${deliveryId}" predates stored reply texts: send a new reply`);
  const target = await replyTargetFor(ctx, failed.conversationId);
  const delivery = await sendReply(ctx, target, { text }, { idempotencyKey: `resend:${failed.id}`, rating: true });
  await recordPersonReply(ctx, delivery, text, "reply.resent", failed.id);
  if (delivery.status !== "failed" && draft?.status === "failed") {
    await commitChange(ctx, async (tx, log) => {
      const { changed } = await transitionDraft(tx, orgId, draft.id, ["failed"], {
        status: "sent",
        deliveryId: delivery.id,
        reason: null,
      });
      if (changed) await log.audit({ action: "draft.resent", subject: draft.id, data: { deliveryId: delivery.id } });
    });
  }
  return publicDelivery(delivery);
}

/**
 * The message, audit row and event of a person's delivery, once per delivery (a repeated key
 * returns the stored delivery and records nothing new). Pending drafts are withdrawn: a person
 * answered, so the AI's draft would only repeat or contradict them.
 */
async function recordPersonReply(
  ctx: ServiceContext,
  delivery: DeliveryRecord,
  text: string,
  action: "reply.person_sent" | "reply.resent",
  resentFrom?: string,
): Promise<void> {
  const orgId = ctx.org.id;
  const failed = delivery.status === "failed";
  const externalId = `delivery:${delivery.id}`;
  const recorded = await commitChange(ctx, async (tx, log) => {
    if (await findMessageByExternalId(tx, orgId, delivery.conversationId, externalId)) return false;
    const now = new Date();
    await insertMessage(tx, {
      orgId,
      conversationId: delivery.conversationId,
      direction: failed ? "internal" : "outbound",
      authorKind: "agent",
      authorName: ctx.actor.name,
      kind: "text",
      externalId,
      text,
      html: null,
      attachments: null,
      metadata: { deliveryId: delivery.id, sandbox: delivery.sandbox, person: true, failed },
      inboundEventId: null,
      createdAt: now,
    });
    if (!failed) await updateConversation(tx, orgId, delivery.conversationId, { lastMessageAt: now });
    await log.audit({
      action: failed ? "reply.person_failed" : action,
      subject: delivery.conversationId,
      data: { deliveryId: delivery.id, sandbox: delivery.sandbox, resentFrom, reason: delivery.failureReason },
    });
    await log.emit("support/person_reply.sent", {
      v: 1,
      orgId,
      appId: delivery.appId,
      conversationId: delivery.conversationId,
      deliveryId: delivery.id,
      status: failed ? "failed" : "sent",
    });
    return true;
  });
  if (failed && delivery.failureReason?.startsWith(WINDOW_CLOSED)) {
    throw new AppError("channel_window_closed", delivery.failureReason.slice(WINDOW_CLOSED.length).trim(), {
      deliveryId: delivery.id,
    });
  }
  if (recorded && !failed) await supersedePendingDrafts(ctx, delivery.conversationId, "a person replied");
}
