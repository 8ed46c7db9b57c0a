export * from "./channels.js";
export * from "./client.js";
export * from "./conversations.js";
export * from "./deliveries.js";
export * from "./ids.js";
export * from "./outbox.js";
export { tableDefs } from "./schema/tables.js";
export * from "./secrets.js";
export * from "./tenancy.js";
