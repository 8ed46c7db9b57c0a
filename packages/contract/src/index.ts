export * from "./actions.js";
export * from "./apps.js";
export * from "./common.js";
export * from "./conversations.js";
export * from "./drafts.js";
export * from "./keys.js";
export * from "./notifications.js";
export * from "./operations.js";
