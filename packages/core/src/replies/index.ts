export * from "./registry.js";
export * from "./send-reply.js";
