import type { Role, Runtime } from "@support/core";
import type { Logger } from "pino";

export interface Principal {
  orgId: string;
  role: Role;
  actor: string;
}

/** The typed context every route sees: services in, request-scoped facts set by middleware. */
export interface ApiEnv {
  Variables: {
    runtime: Runtime;
    logger: Logger;
    requestId: string;
    principal: Principal;
  };
}
