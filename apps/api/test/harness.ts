import { apiKeyFor, dialects, openSeededProduct, type SeededProduct } from "@support/product/testing";
import pino from "pino";
import { createApi } from "../src/app.js";

export { apiKeyFor, dialects };

export interface TestProduct extends SeededProduct {
  api: ReturnType<typeof createApi>;
}

/** A fresh product with one organization and app, and the API over it; on MySQL, in a database of its own. */
export async function openTestProduct(
  env: Record<string, string>,
  name = "Acme",
  options: Parameters<typeof openSeededProduct>[2] = {},
): Promise<TestProduct> {
  const seeded = await openSeededProduct(env, name, options);
  return { ...seeded, api: createApi(seeded.runtime, pino({ level: "silent" })) };
}

export function jsonCall(
  product: TestProduct,
  path: string,
  init: { method?: string; body?: unknown; key?: string } = {},
) {
  return product.api.request(path, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${init.key ?? product.ownerKey}`,
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}
