import { findReplyRating, getDelivery, type ReplyRatingRow, saveReplyRating } from "@support/db";
import { commitChange } from "../service/change.js";
import { type Actor, serviceContext } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { scoreFits } from "./texts.js";
import { type RatingLanguage, type RatingScale, readRatingToken } from "./token.js";

/** The customer who opened a rating link: public, bound to one delivery by the link's signature. */
const LINK_ACTOR: Actor = { kind: "visitor", role: "agent", name: "customer:rating-link" };

/** What the public rating page shows. */
export type RatingPage =
  | { kind: "refused"; reason: "tampered" | "expired" | "gone"; language: RatingLanguage }
  | { kind: "choose"; language: RatingLanguage; scale: RatingScale; token: string; score: number | null }
  | { kind: "rated"; language: RatingLanguage; scale: RatingScale; token: string; score: number };

/**
 * A click on a rating link. With a score the scale offers, records it (a later click changes the
 * same row: one rating per reply) and audits `reply.rated`; without one, shows the choices and
 * the current rating. A link that is not ours, is past its expiry, or names a delivery that no
 * longer exists (erased) rates nothing.
 */
export async function rateByLink(
  platform: Platform,
  token: string,
  score: number | undefined,
  now = new Date(),
): Promise<RatingPage> {
  const check = readRatingToken(platform.ports.secrets, token, now);
  if (!check.ok) return { kind: "refused", reason: check.reason, language: check.language };
  const { claims } = check;
  const delivery = await getDelivery(platform.db, claims.orgId, claims.deliveryId);
  if (!delivery) return { kind: "refused", reason: "gone", language: claims.language };
  const base = { language: claims.language, scale: claims.scale, token };
  if (score === undefined || !scoreFits(claims.scale, score)) {
    const current = await findReplyRating(platform.db, claims.orgId, delivery.id);
    return { kind: "choose", ...base, score: current?.score ?? null };
  }
  const ctx = serviceContext(platform, claims.orgId, LINK_ACTOR);
  await commitChange(ctx, async (tx, log) => {
    const before = await findReplyRating(tx, claims.orgId, delivery.id);
    if (before?.score === score) return;
    await saveReplyRating(
      tx,
      {
        orgId: claims.orgId,
        appId: delivery.appId,
        conversationId: delivery.conversationId,
        replyKey: delivery.id,
        deliveryId: delivery.id,
        messageId: null,
        source: "link",
        scale: claims.scale,
        score,
      },
      now,
    );
    await log.audit({
      action: "reply.rated",
      subject: delivery.conversationId,
      data: { deliveryId: delivery.id, score, scale: claims.scale, previous: before?.score ?? null },
    });
  });
  return { kind: "rated", ...base, score };
}

/**
 * The chat widget's thumbs on a reply, in the same store as the links' ratings (keyed on the
 * reply's delivery when it has one), so analytics count both. Called inside the widget's change.
 */
export async function recordWidgetRating(
  tx: Parameters<typeof saveReplyRating>[0],
  input: {
    orgId: string;
    appId: string;
    conversationId: string;
    messageId: string;
    deliveryId: string | null;
    rating: "up" | "down";
  },
): Promise<ReplyRatingRow> {
  return saveReplyRating(tx, {
    orgId: input.orgId,
    appId: input.appId,
    conversationId: input.conversationId,
    replyKey: input.deliveryId ?? input.messageId,
    deliveryId: input.deliveryId,
    messageId: input.messageId,
    source: "widget",
    scale: "thumbs",
    score: input.rating === "up" ? 5 : 1,
  });
}
