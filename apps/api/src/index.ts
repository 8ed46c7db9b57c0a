export { type ApiOptions, createApi } from "./app.js";
