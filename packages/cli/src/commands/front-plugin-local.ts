import { describeFrontPlugin, rotateFrontPluginSecret } from "@support/core";
import type { Product } from "@support/product";
import type { FrontPluginBackend } from "./front-plugin.js";
import { localContext } from "./org.js";

export function localFrontPlugin(runtime: Product, org?: string): FrontPluginBackend {
  const ctx = () => localContext(runtime, org);
  return {
    show: async () => describeFrontPlugin(await ctx()),
    rotate: async () => rotateFrontPluginSecret(await ctx()),
  };
}
