import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { changeApp, initProduct } from "@support/core";
import { isolatedMysqlUrl } from "@support/db/testing";
import { loadConfig, openProduct, type Product } from "@support/product";
import pino from "pino";
import { createApi } from "../src/app.js";

const mysqlUrl = process.env.MYSQL_URL;

/** The API suites that touch data run on SQLite and, under .ci/run, on MySQL too. */
export const dialects = [
  { name: "sqlite", env: {} as Record<string, string>, skipReason: undefined as string | undefined },
  {
    name: "mysql",
    skipReason: mysqlUrl ? undefined : "MYSQL_URL is not set: runs under .ci/run",
    env: { DATABASE_URL: mysqlUrl ?? "", SECRETS_KEY: Buffer.alloc(32, 3).toString("base64") },
  },
];

export interface TestProduct {
  runtime: Product;
  api: ReturnType<typeof createApi>;
  orgId: string;
  appId: string;
  ownerKey: string;
  signingSecret: string;
}

/** A fresh runtime with one organization and app; on MySQL, in a database of this test file's own. */
export async function openTestProduct(
  env: Record<string, string>,
  name = "Acme",
  options: { pipeline?: boolean } = {},
): Promise<TestProduct> {
  const databaseUrl = env.DATABASE_URL?.startsWith("mysql://") ? await isolatedMysqlUrl(env.DATABASE_URL) : undefined;
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), "support-api-")),
    ...env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const runtime = await openProduct(config);
  const api = createApi(runtime, pino({ level: "silent" }));
  const suffix = Math.random().toString(36).slice(2, 8);
  const init = await initProduct(runtime.database.db, runtime.secrets, {
    name: `${name} ${suffix}`,
    org: `Org ${suffix}`,
  });
  if (options.pipeline) {
    // Tests answer at once: no burst-coalescing wait.
    await changeApp(
      runtime.database.db,
      init.organization.id,
      init.app.id,
      { settings: { debounceSeconds: 0 } },
      "test",
    );
    await runtime.start();
  }
  return {
    runtime,
    api,
    orgId: init.organization.id,
    appId: init.app.id,
    ownerKey: init.apiKey?.token ?? "",
    signingSecret: init.signingSecret ?? "",
  };
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
