export * from "./stripe.js";
