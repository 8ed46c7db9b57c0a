import { DeliveryError, type OutboundReply, type ReplyTarget, type SendOptions } from "@support/channels";
import { claimDelivery, type DeliveryRecord, markDeliveryAccepted, markDeliveryFailed } from "@support/db";
import { withRatingLinks } from "../csat/links.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * Sends one reply through the conversation's channel and returns its stored delivery.
 *
 * The idempotency key is claimed in the database before the vendor is called, so a second call
 * with the same key (a re-run workflow step, a double click) returns the existing delivery and
 * never reaches the vendor again - whatever state that delivery is in. A send that fails is
 * stored as `failed` with the reason and returned, not thrown: the delivery is the outcome.
 * The adapter comes from the context's reply registry (`ctx.ports.replies`). With `rating`, the
 * customer gets the app's rating links under the text, signed for this delivery (ADR 0133); the
 * stored text stays the reply's own, so a resend carries links for its new delivery.
 */
export async function sendReply(
  ctx: ServiceContext,
  target: ReplyTarget,
  reply: OutboundReply,
  options: SendOptions & { rating?: boolean },
): Promise<DeliveryRecord> {
  const key = options.idempotencyKey;
  if (!key || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new AppError("invalid_input", `idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  }
  if (!reply.text.trim()) throw new AppError("invalid_input", "a reply needs text");
  const { db } = ctx;
  const orgId = ctx.org.id;
  if (target.orgId !== orgId) throw new AppError("not_found", `conversation "${target.conversationId}" not found`);
  const adapter = await ctx.ports.replies.adapterFor(target);
  if (adapter.channel !== target.channel) {
    throw new AppError("internal", `the ${adapter.channel} adapter cannot send to a ${target.channel} conversation`);
  }
  const { delivery, created } = await claimDelivery(db, orgId, {
    appId: target.appId,
    conversationId: target.conversationId,
    channelKind: target.channel,
    idempotencyKey: key,
    sandbox: adapter.sandbox,
    text: reply.text,
  });
  if (!created) return delivery;
  try {
    const text = options.rating ? await withRatingLinks(ctx, target, delivery.id, reply.text) : reply.text;
    const accepted = await adapter.sendReply(target, { ...reply, text }, { idempotencyKey: key });
    return (await markDeliveryAccepted(db, orgId, delivery.id, accepted)) ?? delivery;
  } catch (error) {
    const failure =
      error instanceof DeliveryError
        ? { reason: `${error.code}: ${error.message}`, attempts: error.attempts }
        : { reason: `internal: ${error instanceof Error ? error.message : String(error)}`, attempts: 0 };
    const failed = await markDeliveryFailed(db, orgId, delivery.id, failure);
    if (!(error instanceof DeliveryError)) throw error;
    return failed ?? delivery;
  }
}
