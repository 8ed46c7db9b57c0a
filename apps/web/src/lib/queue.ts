import type { MessageId } from "../i18n/translator.js";
import type { Draft, DraftStatus } from "./types.js";

export interface QueueFilters {
  app?: string;
  channel?: string;
  category?: string;
  status?: DraftStatus;
  priority?: string;
  /** Only open drafts waiting longer than their app's approval SLA. */
  slaBreached?: boolean;
  search?: string;
}

/** Approval SLA per app id, in hours (the app setting `approvalSlaHours`). */
export type SlaHoursByApp = Record<string, number | undefined>;

export const priorityOf = (draft: Pick<Draft, "triage">): string | undefined =>
  typeof draft.triage.priority === "string" ? draft.triage.priority : undefined;

/** An open draft older than its app's approval SLA. */
export function isSlaBreached(
  draft: Pick<Draft, "status" | "createdAt" | "appId">,
  slaHours: SlaHoursByApp,
  now: number,
): boolean {
  const hours = slaHours[draft.appId];
  return isOpen(draft) && hours !== undefined && now - Date.parse(draft.createdAt) > hours * 3_600_000;
}

/** Channel of each conversation, since a draft names only its conversation. */
export type ChannelByConversation = Record<string, string | undefined>;

/**
 * Drafts a human still decides: pending approval, or declined by the drafter (nothing it could
 * cite), which a human may still answer by editing and approving.
 */
export function isOpen(draft: Pick<Draft, "status">): boolean {
  return draft.status === "pending_approval" || draft.status === "declined";
}

/** Open drafts first (oldest first: they wait longest), then the rest newest first. */
export function orderQueue(drafts: readonly Draft[]): Draft[] {
  const pending = drafts.filter(isOpen);
  const rest = drafts.filter((d) => !isOpen(d));
  pending.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  rest.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [...pending, ...rest];
}

export function filterQueue(
  drafts: readonly Draft[],
  filters: QueueFilters,
  context: { channels?: ChannelByConversation; slaHours?: SlaHoursByApp; now?: number } = {},
): Draft[] {
  const needle = filters.search?.trim().toLowerCase();
  const channels = context.channels ?? {};
  return drafts.filter(
    (d) =>
      (!filters.app || d.appId === filters.app) &&
      (!filters.priority || priorityOf(d) === filters.priority) &&
      (!filters.slaBreached || isSlaBreached(d, context.slaHours ?? {}, context.now ?? Date.now())) &&
      (!filters.status || d.status === filters.status) &&
      (!filters.category || d.category === filters.category) &&
      (!filters.channel || channels[d.conversationId] === filters.channel) &&
      (!needle || d.text.toLowerCase().includes(needle) || d.category.toLowerCase().includes(needle)),
  );
}

/** The categories present, for the category filter. */
export function categoriesOf(drafts: readonly Draft[]): string[] {
  return [...new Set(drafts.map((d) => d.category))].sort();
}

/** The triage priorities present, for the priority filter. */
export function prioritiesOf(drafts: readonly Draft[]): string[] {
  return [...new Set(drafts.map(priorityOf).filter((p): p is string => p !== undefined))].sort();
}

/** j/k movement within the list, clamped at both ends; no selection starts at the first row. */
export function moveSelection(ids: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined;
  const index = current === undefined ? -1 : ids.indexOf(current);
  if (index < 0) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))];
}

export type QueueCommand = "next" | "previous" | "approve" | "edit" | "reject";

const KEYS: Record<string, QueueCommand> = { j: "next", k: "previous", a: "approve", e: "edit", r: "reject" };

/**
 * The queue's keyboard command for a key press, or nothing while the user types in a field or
 * holds a modifier (so browser shortcuts and typing a reason keep working).
 */
export function commandForKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  targetTag?: string;
  targetEditable?: boolean;
}): QueueCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.targetEditable) return undefined;
  if (event.targetTag && ["INPUT", "TEXTAREA", "SELECT"].includes(event.targetTag)) return undefined;
  return KEYS[event.key];
}

/** Drafts among the selection that can still be approved (bulk approve skips decided ones). */
export function approvable(drafts: readonly Draft[], selected: ReadonlySet<string>): Draft[] {
  // A draft that proposes actions is approved on its own page, where the approver sees and picks them.
  return drafts.filter((d) => selected.has(d.id) && isOpen(d) && d.actions.length === 0);
}

export const STATUS_LABEL: Record<DraftStatus, MessageId> = {
  pending_approval: "queue.status.pending_approval",
  approved: "queue.status.approved",
  sent: "queue.status.sent",
  auto_sent: "queue.status.auto_sent",
  rejected: "queue.status.rejected",
  escalated: "queue.status.escalated",
  superseded: "queue.status.superseded",
  expired: "queue.status.expired",
  declined: "queue.status.declined",
  failed: "queue.status.failed",
};

/** Triage priorities; the filter lists the ones present, unknown ones by their code. */
export const PRIORITY_LABEL: Partial<Record<string, MessageId>> = {
  low: "queue.priority.low",
  normal: "queue.priority.normal",
  high: "queue.priority.high",
  urgent: "queue.priority.urgent",
};
