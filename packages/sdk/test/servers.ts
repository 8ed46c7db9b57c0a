import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { SupportIntegration } from "../src/index.js";

/** A real HTTP server on 127.0.0.1 around a Fetch handler; `close` waits for it to stop. */
export async function listenFetch(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** A small integration with two optional methods, recording what it was called with. */
export function sampleIntegration() {
  const calls: { action: string; input: unknown; idempotencyKey?: string }[] = [];
  const integration: SupportIntegration = {
    lookupUser(input) {
      calls.push({ action: "lookupUser", input });
      return input.email === "ada@example.com" ? { id: "u_1", email: "ada@example.com", name: "Ada" } : null;
    },
    getPurchases(input) {
      calls.push({ action: "getPurchases", input });
      return [
        {
          id: "p_1",
          productName: "Course",
          amount: 4900,
          currency: "eur",
          purchasedAt: "2026-11-01T10:00:00Z",
          status: "paid",
        },
      ];
    },
    refund(input, context) {
      calls.push({ action: "refund", input, idempotencyKey: context.idempotencyKey });
      return {
        refundId: "re_1",
        purchaseId: input.purchaseId,
        amount: input.amount ?? 4900,
        currency: "EUR",
        status: "succeeded",
      };
    },
  };
  return { integration, calls };
}
