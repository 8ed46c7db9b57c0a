export * from "./logs.js";
export * from "./tracing.js";
