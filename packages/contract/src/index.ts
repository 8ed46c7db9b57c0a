export * from "./actions.js";
export * from "./apps.js";
export * from "./channels.js";
export * from "./common.js";
export * from "./integrations.js";
export * from "./keys.js";
export * from "./operations.js";
export * from "./slack.js";
