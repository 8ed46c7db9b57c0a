import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

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

  /**
   * Reads a stream until the server ends it: `until(text)` settles once `text` arrived, `all`
   * with every frame once the stream closes.
   */
  function readToEnd(res: Response) {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = "";
    const waiting: { marker: string; resolve: () => void }[] = [];
    const all = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += new TextDecoder().decode(value);
        for (const w of waiting) if (text.includes(w.marker)) w.resolve();
      }
    })();
    const until = (marker: string) =>
      new Promise<void>((resolve) => {
        if (text.includes(marker)) resolve();
        else waiting.push({ marker, resolve });
      });
    return { until, all };
  }
  const draftCreated = (id: string) => ({
    id,
    name: "support/draft.created",
    data: { v: 1, orgId: product.orgId, appId: product.appId, conversationId: "cnv_1", draftId: id },
    ts: 5,
  });

  it("closes an open stream once its key is revoked, before the next event reaches it", {
    timeout: 30_000,
  }, async () => {
    const token = await apiKeyFor(product.runtime, product.orgId, "agent", "stream reader");
    const keys = (await (await jsonCall(product, "/api/v1/keys")).json()).data as { id: string; name: string }[];
    const keyId = keys.find((k) => k.name === "stream reader")?.id;
    const res = await jsonCall(product, "/api/v1/events", { key: token });
    const stream = readToEnd(res);
    await stream.until("event: ready");
    await product.runtime.bus.publish([draftCreated("evt_before_revoke")]);
    await stream.until("evt_before_revoke");
    expect((await jsonCall(product, `/api/v1/keys/${keyId}`, { method: "DELETE" })).status).toBe(200);
    await product.runtime.bus.publish([draftCreated("evt_after_revoke")]);
    const seen = await stream.all;
    expect(seen).toContain("evt_before_revoke");
    expect(seen).not.toContain("evt_after_revoke");
  });

  it("closes an open stream once its session ends (sign-out)", async () => {
    const origin = product.runtime.config.publicUrl;
    const post = (path: string, body: object, cookie = "") =>
      product.api.request(path, {
        method: "POST",
        headers: { "content-type": "application/json", origin, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const cookieOf = (r: Response) =>
      r.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
    const email = `stream-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const user = (
      await (await post("/api/auth/sign-up/email", { email, password: "correct horse battery", name: "S" })).json()
    ).user as { id: string };
    await (await product.runtime.auth()).api.addMember({
      body: { userId: user.id, organizationId: product.orgId, role: "agent" },
    });
    const signedIn = cookieOf(await post("/api/auth/sign-in/email", { email, password: "correct horse battery" }));
    const cookie =
      cookieOf(await post("/api/auth/organization/set-active", { organizationId: product.orgId }, signedIn)) ||
      signedIn;
    const res = await product.api.request("/api/v1/events", { headers: { cookie } });
    expect(res.status).toBe(200);
    const stream = readToEnd(res);
    await stream.until("event: ready");
    expect((await post("/api/auth/sign-out", {}, cookie)).status).toBe(200);
    await product.runtime.bus.publish([draftCreated("evt_after_sign_out")]);
    expect(await stream.all).not.toContain("evt_after_sign_out");
  }, 30_000);
});
