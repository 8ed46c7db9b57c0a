import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendOutbox } from "@support/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, openProduct, type Product } from "../src/index.js";

/** A fake of Inngest's Event API (`POST /e/<event key>`) on 127.0.0.1, as the SDK calls it. */
const received: { path: string; body: { id: string; name: string; data: unknown; ts: number }[] }[] = [];
const server = createServer(async (req: IncomingMessage, res) => {
  let body = "";
  for await (const chunk of req) body += chunk;
  const events = JSON.parse(body);
  received.push({ path: req.url ?? "", body: events });
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ ids: events.map((e: { id: string }) => e.id), status: 200 }));
});

let runtime: Product;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  runtime = await openProduct(
    loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), "support-inngest-")),
      INNGEST_EVENT_KEY: "test-event-key",
      INNGEST_SIGNING_KEY: "signkey-test-0123456789abcdef0123456789abcdef",
      INNGEST_BASE_URL: `http://127.0.0.1:${port}`,
    }),
  );
});
afterAll(async () => {
  await runtime.database.close();
  await new Promise((resolve) => server.close(resolve));
});

describe("outbox relay with Inngest configured", () => {
  it("sends committed events to Inngest with the outbox id as the event id", async () => {
    expect(runtime.engine).toBeUndefined();
    const ids = await runtime.database.transaction(async (tx) => [
      await appendOutbox(tx, "org_1", "support/message.received", { v: 1, messageId: "m1" }),
      await appendOutbox(tx, "org_1", "support/conversation.updated", { v: 1, changes: ["status"] }),
    ]);
    expect(await runtime.relay.drain()).toBe(2);
    const events = received.flatMap((r) => r.body);
    expect(received.every((r) => r.path === "/e/test-event-key")).toBe(true);
    expect(events.map((e) => [e.id, e.name])).toEqual([
      [ids[0], "support/message.received"],
      [ids[1], "support/conversation.updated"],
    ]);
    expect(events[0]?.data).toEqual({ v: 1, messageId: "m1" });
  });
});
