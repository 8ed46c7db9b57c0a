import { describeWidget, rotateWidgetSecret } from "@support/core";
import type { Product } from "@support/product";
import { localContext } from "./org.js";
import type { WidgetBackend } from "./widget.js";

export function localWidget(runtime: Product, org?: string): WidgetBackend {
  const ctx = () => localContext(runtime, org);
  return {
    show: async (app) => describeWidget(await ctx(), app),
    rotate: async (app) => rotateWidgetSecret(await ctx(), app),
  };
}
