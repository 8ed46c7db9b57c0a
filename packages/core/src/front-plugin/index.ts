export * from "./access.js";
export * from "./config.js";
export * from "./limits.js";
export * from "./lookup.js";
