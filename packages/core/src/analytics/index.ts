export { MAX_RANGE_DAYS, METRIC_DEFINITIONS, RESOLUTION_QUIET_HOURS } from "./definitions.js";
export { type AnalyticsRange, analyticsRange, bucketStarts } from "./range.js";
export * from "./report.js";
export * from "./trust-history.js";
