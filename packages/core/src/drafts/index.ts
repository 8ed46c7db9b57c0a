export * from "./decisions.js";
export * from "./draft-message.js";
export * from "./handlers.js";
export * from "./pipeline-deps.js";
export * from "./public-draft.js";
export * from "./supersede.js";
export * from "./sweep.js";
export * from "./trust-report.js";
