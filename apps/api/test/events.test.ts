import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const sqlite = dialects[0]?.env ?? {};

/** Reads SSE frames off a response body until `count` named events arrived. */
async function readEvents(res: Response, count: number) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: { event: string; id?: string; data: Record<string, unknown> }[] = [];
  let buffer = "";
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        frame
          .split("\n")
          .find((l) => l.startsWith(`${name}:`))
          ?.slice(name.length + 1)
          .trim();
      const event = field("event");
      if (event) events.push({ event, id: field("id"), data: JSON.parse(field("data") ?? "{}") });
      end = buffer.indexOf("\n\n");
    }
  }
  await reader.cancel();
  return events;
}

describe("GET /api/v1/events (server-sent events)", () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await openTestProduct(sqlite);
  });
  afterAll(async () => product.runtime.database.close());

  it("streams the caller's organization's events and nothing of other organizations", async () => {
    const res = await jsonCall(product, "/api/v1/events");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const received = readEvents(res, 3);
    const bus = product.runtime.bus;
    // Let the stream subscribe before publishing.
    await new Promise((r) => setTimeout(r, 50));
    const base = { v: 1, appId: product.appId, conversationId: "cnv_1" };
    await bus.publish([
      { id: "evt_other", name: "support/draft.created", data: { ...base, orgId: "org_other", draftId: "d0" }, ts: 1 },
      { id: "evt_1", name: "support/draft.created", data: { ...base, orgId: product.orgId, draftId: "d1" }, ts: 2 },
      { id: "evt_2", name: "support/draft.approved", data: { ...base, orgId: product.orgId, draftId: "d1" }, ts: 3 },
    ]);
    const events = await received;
    expect(events.map((e) => e.event)).toEqual(["ready", "draft.created", "draft.approved"]);
    expect(events[1]).toMatchObject({ id: "evt_1", data: { draftId: "d1", orgId: product.orgId } });
  });

  it("is described in /openapi.json", async () => {
    const doc = await (await product.api.request("/openapi.json")).json();
    expect(Object.keys(doc.paths["/api/v1/events"].get.responses["200"].content)).toEqual(["text/event-stream"]);
  });

  it("refuses a caller without credentials", async () => {
    const res = await product.api.request("/api/v1/events");
    expect(res.status).toBe(401);
  });

  it("a closed stream unsubscribes, so publishing keeps working", async () => {
    const res = await jsonCall(product, "/api/v1/events");
    await readEvents(res, 1);
    await new Promise((r) => setTimeout(r, 20));
    await expect(
      product.runtime.bus.publish([
        { id: "evt_3", name: "support/draft.created", data: { orgId: product.orgId, draftId: "d2" }, ts: 4 },
      ]),
    ).resolves.toBeUndefined();
  });
});
