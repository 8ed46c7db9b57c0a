import type { ShopMetrics } from "@support/contract";
import { type ShopMetricRows, shopMetricRows } from "@support/db";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366;

const ratio = (count: number, of: number) => ({ rate: of === 0 ? null : count / of, count, of });

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

/**
 * Each conversation's wait for its first answer: its first customer message to the first reply
 * after it. The system's own words (the hand-off notice) answer nothing, as in the analytics.
 */
function firstAnswerWaits(messages: ShopMetricRows["messages"]): number[] {
  const byConversation = new Map<string, { firstIn?: number; firstOut?: number }>();
  const sorted = messages
    .filter((m) => m.authorKind !== "system")
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const m of sorted) {
    const entry = byConversation.get(m.conversationId) ?? {};
    const at = m.createdAt.getTime();
    if (m.direction === "inbound" && entry.firstIn === undefined) entry.firstIn = at;
    if (m.direction === "outbound" && entry.firstIn !== undefined && entry.firstOut === undefined) entry.firstOut = at;
    byConversation.set(m.conversationId, entry);
  }
  return [...byConversation.values()].flatMap((e) =>
    e.firstIn !== undefined && e.firstOut !== undefined ? [e.firstOut - e.firstIn] : [],
  );
}

/** The figures from one app's rows of the period: pure, so the definitions are tested on their own. */
export function computeShopMetrics(rows: ShopMetricRows, range: { from: Date; to: Date }): ShopMetrics {
  const drafts = rows.drafts.filter((d) => d.status !== "superseded");
  const quoted = rows.leads.filter((l) => l.quoteId !== null || l.stage === "quoted" || l.stage === "won");
  const offered = rows.quotes.filter((q) => q.status === "sent" || q.status === "accepted");
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    automaticAnswerRate: ratio(drafts.filter((d) => d.status === "auto_sent").length, drafts.length),
    escalationRate: ratio(drafts.filter((d) => d.status === "escalated").length, drafts.length),
    leadToQuote: ratio(quoted.length, rows.leads.length),
    quoteToOrder: ratio(offered.filter((q) => q.status === "accepted").length, offered.length),
    firstAnswerMs: median(firstAnswerWaits(rows.messages)),
    conversations: rows.conversations.length,
  };
}

/** The shop's metrics over [from, to) (30 days to now by default, a year at most); any member. */
export async function shopMetrics(
  ctx: ServiceContext,
  appRef: string,
  query: { from?: string; to?: string },
): Promise<ShopMetrics> {
  requireRole(ctx, "agent");
  const app = await requireApp(ctx, appRef);
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
    throw new AppError("invalid_input", "from must be before to (ISO 8601 dates)");
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new AppError("invalid_input", `a period of ${MAX_RANGE_DAYS} days at most`);
  }
  const range = { from, to };
  return computeShopMetrics(await shopMetricRows(ctx.db, ctx.org.id, app.id, range), range);
}
