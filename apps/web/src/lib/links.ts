/**
 * The dashboard's addresses: every link the product generates (Slack cards and messages, the
 * "Needs attention" list, the queue, the audit log) is built here or matches `matchRoute`.
 */
export const draftPath = (id: string) => `/drafts/${encodeURIComponent(id)}`;
export const conversationPath = (id: string) => `/conversations/${encodeURIComponent(id)}`;

export type Route =
  | { page: "queue" }
  | { page: "draft"; id: string }
  | { page: "conversation"; id: string }
  | { page: "apps" | "outbox" | "autonomy" | "analytics" | "knowledge" | "audit" | "keys" | "members" | "slack" }
  | { page: "billing" }
  | { page: "settings" }
  | { page: "procedures" | "tasks" }
  | { page: "chat-widget" | "chat-widget-preview" | "front-sidebar" }
  | { page: "catalogue" | "leads" | "quotes" | "shop" }
  | { page: "not_found" };

const PAGES = [
  "apps",
  "outbox",
  "autonomy",
  "analytics",
  "knowledge",
  "audit",
  "keys",
  "members",
  "slack",
  "billing",
  "settings",
  "procedures",
  "tasks",
  "chat-widget",
  "chat-widget-preview",
  "front-sidebar",
  "catalogue",
  "leads",
  "quotes",
  "shop",
] as const;

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Which page a path shows. `/drafts` is the queue too: the Slack daily summary links there. */
export function matchRoute(path: string): Route {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (trimmed === "/" || trimmed === "/drafts") return { page: "queue" };
  const [, kind, id, rest] = /^\/(drafts|conversations)\/([^/]+)(\/.*)?$/.exec(trimmed) ?? [];
  const decoded = id && !rest ? decode(id) : undefined;
  if (kind && decoded) return { page: kind === "drafts" ? "draft" : "conversation", id: decoded };
  const page = PAGES.find((p) => trimmed === `/${p}`);
  return page ? { page } : { page: "not_found" };
}

/** Audit subjects are ids; the ones a page shows become links (the prefix names the kind). */
export function subjectLink(subject: string): string | undefined {
  if (subject.startsWith("drf_")) return draftPath(subject);
  if (subject.startsWith("cnv_")) return conversationPath(subject);
  return undefined;
}
