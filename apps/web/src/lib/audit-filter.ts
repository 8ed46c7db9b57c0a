import type { AuditEntry } from "./types.js";

export interface AuditFilters {
  action?: string;
  actor?: string;
  text?: string;
}

/** Client-side filters over the loaded page of the audit log. */
export function filterAudit(entries: readonly AuditEntry[], filters: AuditFilters): AuditEntry[] {
  const text = filters.text?.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (!filters.action || e.action.startsWith(filters.action)) &&
      (!filters.actor || e.actor.startsWith(filters.actor)) &&
      (!text || `${e.subject} ${e.traceId ?? ""} ${JSON.stringify(e.data)}`.toLowerCase().includes(text)),
  );
}

/** The action families present ("draft", "app", "channel"…) for the action filter. */
export function actionFamilies(entries: readonly AuditEntry[]): string[] {
  return [...new Set(entries.map((e) => e.action.split(".")[0] ?? e.action))].sort();
}
