export * from "./config.js";
export * from "./ports.js";
export * from "./product.js";
