import { configureSlack, describeSlack } from "@support/core";
import type { Product } from "@support/product";
import { resolveOrg } from "./org.js";
import type { SlackBackend } from "./slack.js";

export function localSlack(runtime: Product, org?: string): SlackBackend {
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
