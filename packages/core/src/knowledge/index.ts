export * from "./add.js";
export * from "./deps.js";
export * from "./embedded-index.js";
export * from "./evaluate.js";
export * from "./ingest.js";
export * from "./search.js";
export * from "./sources.js";
export * from "./types.js";
