import type { InngestFunction } from "inngest";
import type { SupportInngest } from "./client.js";

/**
 * The platform's workflow functions, built on the one client with the services they need.
 * Pipeline functions register here (one file per function, each a factory of its function).
 */
export type WorkflowFactory = (inngest: SupportInngest) => InngestFunction.Any[];

export const supportWorkflows: WorkflowFactory = () => [];
