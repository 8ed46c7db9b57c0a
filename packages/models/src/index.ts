export * from "./anthropic.js";
export * from "./cascade.js";
export * from "./from-config.js";
export * from "./offline.js";
export * from "./pricing.js";
export * from "./prompts.js";
export * from "./schemas.js";
