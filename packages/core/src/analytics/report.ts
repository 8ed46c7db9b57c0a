import { type Database, getApp } from "@support/db";
import { AppError } from "../service/errors.js";
import { type ConversationGroup, conversationGroups } from "./conversation-facts.js";
import { METRIC_DEFINITIONS } from "./definitions.js";
import { type DraftGroup, draftGroups } from "./draft-facts.js";
import { analyticsRange, type Bucket, bucketStarts } from "./range.js";

export interface AnalyticsFigures {
  conversations: number;
  byChannel: Record<string, number>;
  byCategory: Record<string, number>;
  responded: number;
  firstResponseAvgMs: number | null;
  resolved: number;
  resolutionAvgMs: number | null;
  deflected: number;
  /** deflected / responded. */
  deflectionRate: number | null;
  drafts: number;
  autoSent: number;
  /** autoSent / drafts. */
  autoSendRate: number | null;
  /** Drafts a human decided: approved and sent, rejected, or escalated by a person. */
  humanDecided: number;
  approved: number;
  /** approved / humanDecided. */
  approvalRate: number | null;
  unchanged: number;
  edited: number;
  rewritten: number;
}

export interface AnalyticsReport {
  range: { from: string; to: string; bucket: Bucket; app: string | null };
  definitions: typeof METRIC_DEFINITIONS;
  channels: string[];
  categories: string[];
  totals: AnalyticsFigures;
  buckets: (AnalyticsFigures & { start: string })[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function emptyFigures(): AnalyticsFigures {
  return {
    conversations: 0,
    byChannel: {},
    byCategory: {},
    responded: 0,
    firstResponseAvgMs: null,
    resolved: 0,
    resolutionAvgMs: null,
    deflected: 0,
    deflectionRate: null,
    drafts: 0,
    autoSent: 0,
    autoSendRate: null,
    humanDecided: 0,
    approved: 0,
    approvalRate: null,
    unchanged: 0,
    edited: 0,
    rewritten: 0,
  };
}

/** Sums of milliseconds ride along until the averages are taken. */
type Accumulator = AnalyticsFigures & { firstResponseMs: number; resolutionMs: number };

function addConversations(into: Accumulator, g: ConversationGroup) {
  into.conversations += g.conversations;
  into.byChannel[g.channel] = (into.byChannel[g.channel] ?? 0) + g.conversations;
  into.byCategory[g.category] = (into.byCategory[g.category] ?? 0) + g.conversations;
  into.responded += g.responded;
  into.firstResponseMs += g.firstResponseMs;
  into.resolved += g.resolved;
  into.resolutionMs += g.resolutionMs;
  into.deflected += g.deflected;
}

function addDrafts(into: Accumulator, g: DraftGroup) {
  into.drafts += g.drafts;
  into.autoSent += g.autoSent;
  into.approved += g.approved;
  into.humanDecided += g.approved + g.refused;
  into.unchanged += g.unchanged;
  into.edited += g.edited;
  into.rewritten += g.rewritten;
}

function finish({ firstResponseMs, resolutionMs, ...figures }: Accumulator): AnalyticsFigures {
  return {
    ...figures,
    firstResponseAvgMs: figures.responded === 0 ? null : Math.round(firstResponseMs / figures.responded),
    resolutionAvgMs: figures.resolved === 0 ? null : Math.round(resolutionMs / figures.resolved),
    deflectionRate: ratio(figures.deflected, figures.responded),
    autoSendRate: ratio(figures.autoSent, figures.drafts),
    approvalRate: ratio(figures.approved, figures.humanDecided),
  };
}

/**
 * Analytics of one organization (optionally one app) over whole UTC days, per day or week:
 * two grouped SQL aggregates (conversations, drafts), folded into buckets and totals here.
 */
export async function analyticsReport(
  database: Database,
  orgId: string,
  input: { app?: string; from?: string; to?: string; bucket?: Bucket },
  now = new Date(),
): Promise<AnalyticsReport> {
  const range = analyticsRange(input, now);
  let appId: string | undefined;
  if (input.app) {
    const app = await getApp(database.db, orgId, input.app);
    if (!app) throw new AppError("not_found", `app "${input.app}" not found`);
    appId = app.id;
  }
  const [conversations, drafts] = await Promise.all([
    conversationGroups(database, orgId, appId, range, now),
    draftGroups(database, orgId, appId, range),
  ]);
  const starts = bucketStarts(range);
  const fresh = (): Accumulator => ({ ...emptyFigures(), firstResponseMs: 0, resolutionMs: 0 });
  const buckets = starts.map(fresh);
  const totals = fresh();
  const channels = new Set<string>();
  const categories = new Set<string>();
  for (const g of conversations) {
    const bucket = buckets[g.bucket];
    if (!bucket) continue;
    addConversations(bucket, g);
    addConversations(totals, g);
    channels.add(g.channel);
    categories.add(g.category);
  }
  for (const g of drafts) {
    const bucket = buckets[g.bucket];
    if (!bucket) continue;
    addDrafts(bucket, g);
    addDrafts(totals, g);
    categories.add(g.category);
  }
  return {
    range: { from: range.from, to: range.to, bucket: range.bucket, app: input.app ?? null },
    definitions: METRIC_DEFINITIONS,
    channels: [...channels].sort(),
    categories: [...categories].sort(),
    totals: finish(totals),
    buckets: buckets.map((b, i) => ({ start: starts[i] as string, ...finish(b) })),
  };
}
