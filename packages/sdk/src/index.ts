export { honoHandler } from "./adapters/hono.js";
export { nextRouteHandler } from "./adapters/next.js";
export { nodeHandler } from "./adapters/node.js";
export { type CallProductAppOptions, callProductApp, ProductAppError, type ProductAppFailure } from "./call.js";
export { SupportClient, type SupportClientOptions } from "./client/client.js";
export { SupportApiError, SupportError, SupportNetworkError } from "./client/errors.js";
export { type Page, paginate } from "./client/pagination.js";
export { type BackoffOptions, isRetryableStatus, parseRetryAfter, retryDelayMs } from "./client/retry.js";
export * from "./client/types.js";
export * from "./contract.js";
export {
  createSupportHandler,
  type SupportHandler,
  type SupportHandlerLogger,
  type SupportHandlerOptions,
} from "./handler.js";
export { type Problem, type ProblemCode, SupportActionError } from "./problem.js";
export { MemoryReplayCache, type ReplayCache, replayKey } from "./replay-cache.js";
export * from "./signing.js";
export { SDK_VERSION } from "./version.js";
export * from "./widget-identity.js";
