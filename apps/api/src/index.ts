export { createApi } from "./app.js";
export { createPipelineDeps, openProductRuntime, startWorkers, stopWorkers } from "./pipeline.js";
