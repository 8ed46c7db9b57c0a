import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * Inbound signatures already handled, shared by every API instance on the database (the webhook
 * replay cache without Redis). `key` is the SHA-256 of the verifier's replay key; a row counts
 * only until `expiresAt` (the signature's timestamp window) and is swept after it.
 */
export const webhookReplayKeys = define({
  name: "webhook_replay_keys",
  columns: {
    key: c.string(64).primary(),
    expiresAt: c.time().required(),
  },
  uniques: [],
  indexes: [{ name: "webhook_replay_keys_expires_idx", columns: ["expiresAt"] }],
});
