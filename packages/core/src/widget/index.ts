export * from "./config.js";
export * from "./conversation.js";
export * from "./deflection.js";
export * from "./files.js";
export * from "./limits.js";
export * from "./session.js";
