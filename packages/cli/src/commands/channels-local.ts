import { configureChannel, describeChannels, sendTestMessage } from "@support/core";
import { getApp } from "@support/db";
import type { Product } from "@support/product";
import { CliError } from "../output.js";
import type { ChannelsBackend } from "./channels.js";
import { resolveOrg } from "./org.js";

export function localChannels(runtime: Product, org?: string): ChannelsBackend {
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
      // The sample takes the channel's real receiving path (signature check included), in process.
      return sendTestMessage(runtime, app, kind);
    },
  };
}
