export * from "./channel-adapters.js";
export * from "./registry.js";
export * from "./reply-target.js";
export * from "./send-reply.js";
