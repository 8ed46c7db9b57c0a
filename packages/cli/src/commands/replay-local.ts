import { replayConversation } from "@support/core";
import type { Product } from "@support/product";
import { localContext } from "./org.js";
import type { ReplayBackend } from "./replay.js";

export function localReplay(runtime: Product, org?: string): ReplayBackend {
  return async (id) => replayConversation(await localContext(runtime, org), id);
}
