import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * What a customer thought of one reply (CSAT, ADR 0133): from the signed link under a reply, or
 * the chat widget's thumbs. One row per reply: `replyKey` is the delivery id when the reply has
 * one (every reply sent through a channel does), so a later click changes the row instead of
 * adding one. `score` is 1 to 5; thumbs are stored as 5 (up) and 1 (down). `ratedAt` is the
 * latest choice, what analytics count by.
 */
export const replyRatings = define({
  name: "reply_ratings",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    conversationId: c.id().required(),
    replyKey: c.string(64).required(),
    deliveryId: c.id().optional(),
    messageId: c.id().optional(),
    /** link (the signed link in a reply) or widget (the chat widget's thumbs). */
    source: c.string(16).required(),
    /** five (1 to 5) or thumbs. */
    scale: c.string(8).required(),
    score: c.int().required(),
    createdAt: c.time().required(),
    ratedAt: c.time().required(),
  },
  uniques: [{ name: "reply_ratings_reply_uq", columns: ["orgId", "replyKey"] }],
  indexes: [
    { name: "reply_ratings_rated_idx", columns: ["orgId", "ratedAt"] },
    { name: "reply_ratings_conversation_idx", columns: ["orgId", "conversationId"] },
  ],
});
