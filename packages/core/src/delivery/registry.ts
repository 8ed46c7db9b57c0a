import { createSandboxReplyAdapter, type ReplyAdapter, type ReplyTarget, type SandboxOutbox } from "@support/channels";
import { type Db, recordSandboxMessage } from "@support/db";

/** Finds the adapter a conversation's reply goes through. */
export interface ReplyAdapterRegistry {
  adapterFor(target: ReplyTarget): Promise<ReplyAdapter>;
}

/**
 * The configured adapter for the target's app and channel, or undefined when the channel has no
 * credentials (the wiring to stored channel configuration supplies this).
 */
export type ConfiguredAdapterLookup = (target: ReplyTarget) => Promise<ReplyAdapter | undefined>;

/** The sandbox outbox of the embedded default, kept in the database. */
export function databaseSandboxOutbox(db: Db): SandboxOutbox {
  return {
    async record(entry) {
      const { orgId, ...message } = entry;
      return recordSandboxMessage(db, orgId, message);
    },
  };
}

/** Configured adapters where there are credentials, the sandbox everywhere else. */
export function createReplyAdapterRegistry(
  db: Db,
  lookup: ConfiguredAdapterLookup = async () => undefined,
): ReplyAdapterRegistry {
  const outbox = databaseSandboxOutbox(db);
  return {
    async adapterFor(target) {
      return (await lookup(target)) ?? createSandboxReplyAdapter(target.channel, outbox);
    },
  };
}
