export * from "./answer-metrics.js";
export * from "./answer-set.js";
export * from "./relevance-calibration.js";
