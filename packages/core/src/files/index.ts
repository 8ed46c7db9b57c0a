export * from "./conversation-files.js";
export * from "./live.js";
export * from "./store.js";
