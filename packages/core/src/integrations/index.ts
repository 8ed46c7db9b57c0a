export * from "./actions.js";
export * from "./gather.js";
export * from "./integrations.js";
export * from "./policy.js";
export * from "./stripe-connect.js";
