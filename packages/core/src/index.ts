export * from "./api-keys.js";
export * from "./apps.js";
export * from "./auth.js";
export * from "./config.js";
export * from "./errors.js";
export * from "./init.js";
export * from "./runtime.js";
export * from "./secrets-key.js";
