import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * One row per reply we asked a channel to send. The idempotency key is unique per organization,
 * so a retried send (a workflow step re-run, a double click) finds the existing row instead of
 * reaching the vendor twice. Vendor status callbacks find the row by the vendor's message id.
 */
export const deliveries = define({
  name: "deliveries",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    conversationId: c.id().required(),
    channelKind: c.string(16).required(),
    idempotencyKey: c.string(200).required(),
    status: c.string(16).required(),
    sandbox: c.bool().required(),
    attempts: c.int().required(),
    vendorMessageId: c.string(200).optional(),
    failureReason: c.text().optional(),
    sentAt: c.time().optional(),
    deliveredAt: c.time().optional(),
    readAt: c.time().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
    /** What was sent, so a failed delivery can be resent as it was; null on rows older than the column. */
    text: c.text().optional(),
  },
  uniques: [{ name: "deliveries_idempotency_uq", columns: ["orgId", "idempotencyKey"] }],
  indexes: [
    { name: "deliveries_vendor_message_idx", columns: ["orgId", "channelKind", "vendorMessageId"] },
    { name: "deliveries_conversation_idx", columns: ["orgId", "conversationId", "createdAt"] },
  ],
});

/** The embedded default's outbox: what a channel without credentials would have sent. */
export const sandboxMessages = define({
  name: "sandbox_messages",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    conversationId: c.id().required(),
    channelKind: c.string(16).required(),
    idempotencyKey: c.string(200).required(),
    recipient: c.string(320).optional(),
    subject: c.string(500).optional(),
    text: c.text().required(),
    html: c.text().optional(),
    createdAt: c.time().required(),
  },
  uniques: [{ name: "sandbox_messages_idempotency_uq", columns: ["orgId", "idempotencyKey"] }],
  indexes: [{ name: "sandbox_messages_app_idx", columns: ["orgId", "appId", "id"] }],
});
