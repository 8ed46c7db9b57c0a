import type { Role, Runtime } from "@support/core";
import type { ApiKey } from "@support/db";
import type { Logger } from "pino";

export interface Principal {
  orgId: string;
  role: Role;
  actor: string;
  key: ApiKey;
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
