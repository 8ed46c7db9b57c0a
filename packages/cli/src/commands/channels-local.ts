import { createApi } from "@support/api";
import { configureChannel, describeChannels, type Runtime, sendTestMessage } from "@support/core";
import { getApp } from "@support/db";
import pino from "pino";
import { CliError } from "../output.js";
import type { ChannelsBackend } from "./channels.js";
import { resolveOrg } from "./org.js";

export function localChannels(runtime: Runtime, org?: string): ChannelsBackend {
  const { db } = runtime.database;
  const { secrets, config } = runtime;
  return {
    async set(app, kind, change) {
      const o = await resolveOrg(runtime, org);
      return configureChannel(db, secrets, config.publicUrl, o.id, app, kind, change, "cli");
    },
    async list(app) {
      const o = await resolveOrg(runtime, org);
      return describeChannels(db, secrets, config.publicUrl, o.id, app);
    },
    async test(ref, kind) {
      const o = await resolveOrg(runtime, org);
      const app = await getApp(db, o.id, ref);
      if (!app) throw new CliError(`app "${ref}" not found`);
      // The sample goes through the product's own HTTP routes, in process.
      const api = createApi(runtime, pino({ level: "silent" }));
      return sendTestMessage(runtime, app, kind, async (request) => {
        const res = await api.request(request.path, {
          method: request.method,
          headers: request.headers,
          body: request.body,
        });
        return { status: res.status, body: await res.json().catch(() => ({})) };
      });
    },
  };
}
