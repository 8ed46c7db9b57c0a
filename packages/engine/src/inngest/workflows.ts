import type { InngestFunction } from "inngest";
import type { WorkflowClient } from "./client.js";

/** An application's workflow functions, built on its one client (one file per function). */
export type WorkflowFactory = (client: WorkflowClient) => InngestFunction.Any[];
