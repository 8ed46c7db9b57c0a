import { syncBillingCatalogue } from "@support/core";
import type { Product } from "@support/product";
import type { Output } from "../output.js";
import { localContext } from "./org.js";

/** `skill billing sync`: publishes the plan catalogue to Stripe; a second run changes only what changed. */
export async function billingSyncCommand(runtime: Product, out: Output, opts: { org?: string }) {
  const report = await syncBillingCatalogue(await localContext(runtime, opts.org));
  out.result(report, () => [
    `Products: ${report.products.created} created, ${report.products.updated} updated, ${report.products.unchanged} unchanged.`,
    `Prices: ${report.prices.created} created, ${report.prices.unchanged} unchanged.`,
    ...(report.meter.id ? [`Meter ${report.meter.id} (${report.meter.created ? "created" : "kept"}).`] : []),
  ]);
}
