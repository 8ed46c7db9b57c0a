import { z } from "@hono/zod-openapi";

/** Every metric the analytics report defines (core's METRIC_DEFINITIONS has one entry per id). */
export const METRIC_IDS = [
  "volume",
  "firstResponse",
  "resolution",
  "approvalRate",
  "editRate",
  "autoSendRate",
  "deflection",
  "csat",
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
const counts = z.record(z.string(), z.number()).openapi({ description: "Count per channel or category" });

export const analyticsFiguresSchema = z.object({
  conversations: z.number(),
  byChannel: counts,
  byCategory: counts,
  responded: z.number(),
  firstResponseAvgMs: z.number().nullable(),
  resolved: z.number(),
  resolutionAvgMs: z.number().nullable(),
  deflected: z.number(),
  /** deflected / responded. */
  deflectionRate: z.number().nullable(),
  drafts: z.number(),
  autoSent: z.number(),
  /** autoSent / drafts. */
  autoSendRate: z.number().nullable(),
  /** Drafts a human decided: approved and sent, rejected, or escalated by a person. */
  humanDecided: z.number(),
  approved: z.number(),
  /** approved / humanDecided. */
  approvalRate: z.number().nullable(),
  unchanged: z.number(),
  edited: z.number(),
  rewritten: z.number(),
  selfServed: z
    .number()
    .optional()
    .openapi({ description: "Closed by the customer from a suggested article (the chat widget's deflection)" }),
  /** Replies rated by the customer (rating links and the widget's thumbs), by their latest rating. */
  rated: z.number(),
  /** Mean score out of 5 (thumbs up 5, down 1), two decimals. */
  csatAvg: z.number().nullable(),
  /** Ratings of 4 or 5 (or thumbs up) / rated. */
  csatPositiveRate: z.number().nullable(),
});

const definition = z.object({ label: z.string(), definition: z.string() });
const definitions = z.object(
  Object.fromEntries(METRIC_IDS.map((id) => [id, definition])) as Record<MetricId, typeof definition>,
);

export const BUCKETS = ["day", "week"] as const;

export const analyticsSchema = z
  .object({
    range: z.object({
      from: z.string(),
      to: z.string(),
      bucket: z.enum(BUCKETS),
      app: z.string().nullable(),
    }),
    definitions: definitions.openapi({ description: "What each metric counts, as the dashboard shows it" }),
    channels: z.array(z.string()),
    categories: z.array(z.string()),
    totals: analyticsFiguresSchema,
    buckets: z.array(
      analyticsFiguresSchema.extend({ start: z.string().openapi({ description: "First day of the bucket (UTC)" }) }),
    ),
  })
  .openapi("Analytics");

export const analyticsQuery = z.object({
  app: z.string().min(1).max(100).optional().openapi({ description: "App id or slug; all apps when omitted" }),
  from: day.optional().openapi({ description: "First day (UTC), default 29 days before `to`" }),
  to: day.optional().openapi({ description: "Last day (UTC, included), default today" }),
  bucket: z.enum(BUCKETS).default("day"),
});

/** Autonomy: trust per category now, day by day, and the shadow-mode report. */
export const trustScoreSchema = z.object({ category: z.string(), score: z.number().nullable(), samples: z.number() });
export const trustScoresSchema = z.object({ data: z.array(trustScoreSchema) });

export const trustHistoryQuery = z.object({
  from: day.optional().openapi({ description: "First day (UTC), default 29 days before `to`" }),
  to: day.optional().openapi({ description: "Last day (UTC, included), default today" }),
});

export const trustHistorySchema = z
  .object({
    range: z.object({ from: z.string(), to: z.string() }),
    threshold: z.number(),
    minOutcomes: z.number(),
    categories: z.array(z.string()),
    points: z.array(
      z.object({
        date: z.string(),
        category: z.string(),
        score: z.number().nullable(),
        samples: z.number(),
      }),
    ),
  })
  .openapi("TrustHistory");

export const shadowCategorySchema = z.object({
  category: z.string(),
  decided: z.number(),
  wouldAutoSend: z.number(),
  right: z.number(),
  precision: z.number().nullable(),
  coverage: z.number().nullable(),
});
export const shadowReportSchema = z.object({ data: z.array(shadowCategorySchema) });

export type Bucket = (typeof BUCKETS)[number];
export type AnalyticsFigures = z.infer<typeof analyticsFiguresSchema>;
export type AnalyticsView = z.infer<typeof analyticsSchema>;
export type AnalyticsQuery = z.input<typeof analyticsQuery>;
export type TrustScoreView = z.infer<typeof trustScoreSchema>;
export type TrustHistoryView = z.infer<typeof trustHistorySchema>;
export type TrustHistoryQuery = z.infer<typeof trustHistoryQuery>;
export type ShadowCategoryView = z.infer<typeof shadowCategorySchema>;
