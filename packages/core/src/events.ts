import { ATTENTION_KINDS, CHANNEL_KINDS } from "@support/contract";
import type { Db } from "@support/db";
import { appendOutbox } from "@support/engine";
import { z } from "zod";

/**
 * The event catalog: every event the platform emits, with its schema and version. Events are
 * small (ids and routing fields); whoever handles one reads the context from the database.
 */
const CHANNEL_KIND = z.enum(CHANNEL_KINDS);

export const eventCatalog = {
  "support/message.received": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    messageId: z.string(),
    channel: CHANNEL_KIND,
    direction: z.enum(["inbound", "outbound", "internal"]),
    authorKind: z.enum(["customer", "agent", "bot", "system"]),
  }),
  "support/conversation.updated": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    channel: CHANNEL_KIND,
    changes: z.array(z.enum(["assignee", "tags", "status"])),
  }),
  "support/delivery.updated": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    channel: CHANNEL_KIND,
    vendorMessageId: z.string(),
    status: z.enum(["sent", "delivered", "read", "failed"]),
  }),
  "support/draft.created": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    draftId: z.string(),
    status: z.string(),
  }),
  "support/approval.requested": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    draftId: z.string(),
  }),
  "support/draft.approved": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    draftId: z.string(),
    /** true when the autonomy policy sent it without a human. */
    auto: z.boolean(),
  }),
  "support/draft.rejected": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    draftId: z.string(),
  }),
  "support/conversation.escalated": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    draftId: z.string().optional(),
  }),
  "support/approval.reminded": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    draftId: z.string(),
  }),
  "support/draft.expired": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    draftId: z.string(),
  }),
  "support/reply.sent": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    draftId: z.string(),
    deliveryId: z.string(),
  }),
  "support/reply.failed": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    draftId: z.string(),
    deliveryId: z.string(),
  }),
  /** People were told something needs them (a reminder, an escalation, a failed send). */
  "support/notification.created": z.object({
    v: z.literal(1),
    orgId: z.string(),
    notificationId: z.string(),
    kind: z.enum(ATTENTION_KINDS),
    appId: z.string().optional(),
    conversationId: z.string().optional(),
    draftId: z.string().optional(),
  }),
  /** An organization's daily summary for `day` (YYYY-MM-DD, UTC) is due: the cron fans out one per org. */
  "support/summary.due": z.object({
    v: z.literal(1),
    orgId: z.string(),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  /** A person replied on a conversation from the dashboard, API, Slack or CLI (not a draft). */
  "support/person_reply.sent": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    deliveryId: z.string(),
    status: z.enum(["sent", "failed"]),
  }),
  /** A person took a conversation over, or released it back to the AI. */
  "support/conversation.taken_over": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    takenOverBy: z.string().nullable(),
  }),
  /** A knowledge source was stored (pending): the processing function fetches, chunks and indexes it. */
  "kb/source.added": z.object({ v: z.literal(1), orgId: z.string(), sourceId: z.string() }),
  /** Someone asked for a source to be re-crawled or re-chunked; only changed chunks are re-embedded. */
  "kb/source.sync_requested": z.object({ v: z.literal(1), orgId: z.string(), sourceId: z.string() }),
  /** A triaged message started a procedure run: the `run-procedure` function executes its steps. */
  "support/procedure.started": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    runId: z.string(),
  }),
  /** A person set a draft aside and asked for a new one on the same customer message (`attempt` of the new one). */
  "support/draft.requested": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    messageId: z.string(),
    replacesDraftId: z.string(),
    attempt: z.number().int().min(1),
  }),
  /** A procedure run's message draft was decided (sent, rejected, expired, failed): the run goes on. */
  "support/procedure.message_decided": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    runId: z.string(),
    draftId: z.string(),
  }),
} as const;

export type EventName = keyof typeof eventCatalog;
export type EventData<N extends EventName> = z.infer<(typeof eventCatalog)[N]>;

/** Appends a catalogued event to the outbox inside the caller's transaction, validated first. */
export async function emit<N extends EventName>(tx: Db, name: N, data: EventData<N>): Promise<string> {
  const parsed = eventCatalog[name].parse(data) as Record<string, unknown>;
  return appendOutbox(tx, String(parsed.orgId), name, parsed);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventCatalog, name);
}
