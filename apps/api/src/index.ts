export { createApi } from "./app.js";
