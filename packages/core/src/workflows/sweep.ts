import type { WorkflowClient } from "@support/engine";
import { sweepDrafts } from "../review/sweep.js";
import type { Platform } from "../service/ports.js";

/** Every 15 minutes: approval reminders, SLA escalations, expiry and payload retention. */
export function sweep(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction({ id: "sweep", retries: 2, triggers: [{ cron: "*/15 * * * *" }] }, async ({ step }) =>
    step.run("sweep", () => sweepDrafts(platform)),
  );
}
