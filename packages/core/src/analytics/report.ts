import type { AnalyticsFigures, AnalyticsQuery, AnalyticsView } from "@support/contract";
import type { ServiceContext } from "../service/context.js";
import { requireApp } from "../tenancy/apps.js";
import { type ConversationGroup, conversationGroups } from "./conversation-facts.js";
import { METRIC_DEFINITIONS } from "./definitions.js";
import { type DraftGroup, draftGroups } from "./draft-facts.js";
import { analyticsRange, bucketStarts } from "./range.js";
import { type RatingGroup, ratingGroups } from "./rating-facts.js";

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
    selfServed: 0,
    rated: 0,
    csatAvg: null,
    csatPositiveRate: null,
  };
}

/** Sums of milliseconds ride along until the averages are taken. */
type Accumulator = AnalyticsFigures & {
  firstResponseMs: number;
  resolutionMs: number;
  selfServed: number;
  rated: number;
  scoreSum: number;
  positive: number;
};

function addConversations(into: Accumulator, g: ConversationGroup) {
  into.conversations += g.conversations;
  into.byChannel[g.channel] = (into.byChannel[g.channel] ?? 0) + g.conversations;
  into.byCategory[g.category] = (into.byCategory[g.category] ?? 0) + g.conversations;
  into.responded += g.responded;
  into.firstResponseMs += g.firstResponseMs;
  into.resolved += g.resolved;
  into.resolutionMs += g.resolutionMs;
  into.deflected += g.deflected;
  into.selfServed += g.selfServed;
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

function addRatings(into: Accumulator, g: RatingGroup) {
  into.rated += g.rated;
  into.scoreSum += g.scoreSum;
  into.positive += g.positive;
}

function finish({ firstResponseMs, resolutionMs, scoreSum, positive, ...figures }: Accumulator): AnalyticsFigures {
  return {
    ...figures,
    firstResponseAvgMs: figures.responded === 0 ? null : Math.round(firstResponseMs / figures.responded),
    resolutionAvgMs: figures.resolved === 0 ? null : Math.round(resolutionMs / figures.resolved),
    // A conversation closed from a suggested article was answered, by the article, with no reply.
    deflectionRate: ratio(figures.deflected, figures.responded + figures.selfServed),
    autoSendRate: ratio(figures.autoSent, figures.drafts),
    approvalRate: ratio(figures.approved, figures.humanDecided),
    csatAvg: figures.rated === 0 ? null : Math.round((scoreSum / figures.rated) * 100) / 100,
    csatPositiveRate: ratio(positive, figures.rated),
  };
}

/**
 * Analytics of the organization (optionally one app) over whole UTC days, per day or week: two
 * grouped SQL aggregates (conversations, drafts), folded into buckets and totals here. Any member
 * may read them.
 */
export async function analyticsReport(
  ctx: ServiceContext,
  input: AnalyticsQuery,
  now = new Date(),
): Promise<AnalyticsView> {
  const range = analyticsRange(input, now);
  const appId = input.app ? (await requireApp(ctx, input.app)).id : undefined;
  const [conversations, drafts, ratings] = await Promise.all([
    conversationGroups(ctx.db, ctx.org.id, appId, range, now),
    draftGroups(ctx.db, ctx.org.id, appId, range),
    ratingGroups(ctx.db, ctx.org.id, appId, range),
  ]);
  const starts = bucketStarts(range);
  const fresh = (): Accumulator => ({
    ...emptyFigures(),
    firstResponseMs: 0,
    resolutionMs: 0,
    selfServed: 0,
    rated: 0,
    scoreSum: 0,
    positive: 0,
  });
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
  for (const g of ratings) {
    const bucket = buckets[g.bucket];
    if (!bucket) continue;
    addRatings(bucket, g);
    addRatings(totals, g);
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
