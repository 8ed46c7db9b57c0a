import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * A file a customer sent (a widget upload, an email attachment), whose bytes the file store keeps
 * under `storageKey` (`<org id>/<sha-256>`, ADR 0141). A widget upload has no conversation until
 * the visitor's message carries it; `uploader` names who sent it (`widget:<visitor key>`,
 * `email`) so only that visitor can attach it. Two rows may share a key (the same bytes sent
 * twice): the bytes are deleted when the last row naming them is.
 */
export const storedFiles = define({
  name: "stored_files",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    conversationId: c.id().optional(),
    messageId: c.id().optional(),
    uploader: c.string(100).required(),
    storageKey: c.string(200).required(),
    name: c.string(255).required(),
    /** Told by the bytes (magic numbers), never by the name or what the sender claimed. */
    contentType: c.string(100).required(),
    size: c.int().required(),
    createdAt: c.time().required(),
  },
  uniques: [],
  indexes: [
    { name: "stored_files_conversation_idx", columns: ["orgId", "conversationId"] },
    { name: "stored_files_key_idx", columns: ["orgId", "storageKey"] },
    { name: "stored_files_uploader_idx", columns: ["orgId", "appId", "uploader"] },
  ],
});
