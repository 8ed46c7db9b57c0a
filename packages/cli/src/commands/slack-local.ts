import { configureSlack, describeSlack } from "@support/core";
import type { Product } from "@support/product";
import { localContext } from "./org.js";
import type { SlackBackend } from "./slack.js";

export function localSlack(runtime: Product, org?: string): SlackBackend {
  const ctx = () => localContext(runtime, org);
  return {
    connect: async (input) => configureSlack(await ctx(), input),
    status: async () => describeSlack(await ctx()),
  };
}
