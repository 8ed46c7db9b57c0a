export * from "./actions.js";
export * from "./draft-actions.js";
export * from "./gather.js";
export * from "./gather-step.js";
export * from "./integrations.js";
export * from "./policy.js";
export * from "./stripe-connect.js";
