export * from "./signing.js";
