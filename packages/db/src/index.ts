export * from "./client.js";
export * from "./ids.js";
export * from "./secrets.js";
export * from "./tenancy.js";
export { tableDefs } from "./schema/tables.js";
