export * from "./actions.js";
export * from "./analytics.js";
export * from "./apps.js";
export * from "./common.js";
export * from "./keys.js";
export * from "./knowledge.js";
export * from "./operations.js";
