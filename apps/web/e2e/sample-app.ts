import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createSampleApp } from "@support/example-sample-app";
import { type SampleStore, seededStore } from "@support/example-sample-app/store";

export interface RunningSampleApp {
  /** The signed endpoint to register as the app's product-app integration. */
  url: string;
  store: SampleStore;
  close: () => Promise<void>;
}

/** The sample product app from examples/, through its real handler, on 127.0.0.1 (as apps/api/test does). */
export function startSampleApp(secret: string): Promise<RunningSampleApp> {
  const store = seededStore();
  const app = createSampleApp({ store, secrets: [secret] });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}/support`,
        store,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
