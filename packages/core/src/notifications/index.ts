export * from "./attention.js";
export * from "./notifier.js";
export * from "./notify.js";
export * from "./slack-cards.js";
export * from "./summary-figures.js";
