import { configureSlack, describeSlack, type Runtime } from "@support/core";
import { resolveOrg } from "./org.js";
import type { SlackBackend } from "./slack.js";

export function localSlack(runtime: Runtime, org?: string): SlackBackend {
  const { db } = runtime.database;
  return {
    async connect(input) {
      const o = await resolveOrg(runtime, org);
      return configureSlack(db, runtime.secrets, o.id, input, "cli");
    },
    async status() {
      const o = await resolveOrg(runtime, org);
      return describeSlack(db, o.id);
    },
  };
}
