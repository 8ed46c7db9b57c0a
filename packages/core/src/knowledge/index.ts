export * from "./add.js";
export * from "./deps.js";
export * from "./evaluate.js";
export * from "./index-port.js";
export * from "./ingest.js";
export * from "./search.js";
export * from "./sources.js";
export * from "./types.js";
