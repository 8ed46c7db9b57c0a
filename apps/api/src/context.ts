import type { Role, ServiceContext } from "@support/core";
import type { Product } from "@support/product";
import type { Logger } from "pino";

export interface Principal {
  orgId: string;
  role: Role;
  actor: string;
}

/** The typed context every route sees: services in, request-scoped facts set by middleware. */
export interface ApiEnv {
  Variables: {
    runtime: Product;
    logger: Logger;
    requestId: string;
    principal: Principal;
    /** The service context of the authenticated caller: database, organization, actor with role, ports. */
    ctx: ServiceContext;
    /**
     * Whether the credential this request came with still holds (the key is not revoked, the
     * session not ended, the member still in the organization with the same role): long-lived
     * responses (the event stream) ask again before each write.
     */
    stillAuthorized: () => Promise<boolean>;
  };
}
