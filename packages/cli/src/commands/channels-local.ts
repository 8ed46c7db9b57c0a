import { configureChannel, describeChannels, sendTestMessage } from "@support/core";
import type { Product } from "@support/product";
import type { ChannelsBackend } from "./channels.js";
import { localContext } from "./org.js";

export function localChannels(runtime: Product, org?: string): ChannelsBackend {
  const ctx = () => localContext(runtime, org);
  return {
    set: async (app, kind, change) => configureChannel(await ctx(), app, kind, change),
    list: async (app) => describeChannels(await ctx(), app),
    // The sample takes the channel's real receiving path (signature check included), in process.
    test: async (app, kind) => sendTestMessage(await ctx(), app, kind),
  };
}
