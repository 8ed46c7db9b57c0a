export * from "./links.js";
export * from "./record.js";
export * from "./texts.js";
export * from "./token.js";
