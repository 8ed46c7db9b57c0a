export * from "./attention.js";
export * from "./notifier.js";
export * from "./notify.js";
