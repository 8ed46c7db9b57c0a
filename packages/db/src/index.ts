export * from "./client.js";
export * from "./deliveries.js";
export * from "./ids.js";
export { tableDefs } from "./schema/tables.js";
export * from "./secrets.js";
export * from "./tenancy.js";
