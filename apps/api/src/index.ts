export { createApi } from "./app.js";
export { createPipelineDeps, subscribePipeline } from "./pipeline.js";
