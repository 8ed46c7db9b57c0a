import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFrontReplyAdapter, DeliveryError, type ReplyTarget } from "../../src/index.js";
import { type FakeVendor, recordingSleep, startFakeVendor, target } from "./fake-vendor.js";

/** Front's Core API: replies are accepted asynchronously (202 + message_uid), drafts return the message. */
let front: FakeVendor;
const sent: { conversation: string; body: Record<string, unknown> }[] = [];

beforeEach(async () => {
  sent.length = 0;
  front = await startFakeVendor((req) => {
    if (req.headers.authorization !== "Bearer front-token") {
      return { status: 401, json: { _error: { status: 401, title: "Unauthenticated", message: "bad token" } } };
    }
    const reply = req.path.match(/^\/conversations\/([^/]+)\/messages$/);
    if (req.method === "POST" && reply?.[1]) {
      sent.push({ conversation: reply[1], body: JSON.parse(req.body) });
      return { status: 202, json: { status: "accepted", message_uid: `uid${sent.length}` } };
    }
    const draft = req.path.match(/^\/conversations\/([^/]+)\/drafts$/);
    if (req.method === "POST" && draft?.[1]) {
      const body = JSON.parse(req.body);
      return {
        status: 200,
        json: { _links: { self: `${front.url}/messages/msg_d1` }, id: "msg_d1", is_draft: true, draft_mode: body.mode },
      };
    }
    return { status: 404, json: { _error: { status: 404, title: "Not found", message: "no route" } } };
  });
});
afterEach(() => front.close());

const conversation: ReplyTarget = { ...target, channel: "front", externalId: "cnv_abc" };

describe("Front reply adapter", () => {
  it("replies in the conversation with HTML and text, and names the message by its uid alias", async () => {
    const adapter = createFrontReplyAdapter({
      apiToken: "front-token",
      baseUrl: front.url,
      mode: "reply",
      authorId: "tea_1",
    });
    const delivery = await adapter.sendReply(
      conversation,
      { text: "Hello <Ada>\n\nIt shipped." },
      { idempotencyKey: "k1" },
    );
    expect(delivery).toEqual({ status: "sent", vendorMessageId: "alt:uid:uid1", attempts: 1, sandbox: false });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      conversation: "cnv_abc",
      body: {
        body: "<p>Hello &lt;Ada&gt;</p><p>It shipped.</p>",
        text: "Hello <Ada>\n\nIt shipped.",
        author_id: "tea_1",
        options: { archive: false },
      },
    });
  });

  it("creates a shared draft when Front is the approval surface, left queued until a teammate sends it", async () => {
    const adapter = createFrontReplyAdapter({
      apiToken: "front-token",
      baseUrl: front.url,
      mode: "shared_draft",
      authorId: "tea_1",
    });
    const delivery = await adapter.sendReply(
      conversation,
      { text: "Draft", html: "<b>Draft</b>" },
      { idempotencyKey: "k2" },
    );
    expect(delivery).toEqual({ status: "queued", vendorMessageId: "msg_d1", attempts: 1, sandbox: false });
    expect(JSON.parse(front.requests[0]?.body ?? "{}")).toMatchObject({
      body: "<b>Draft</b>",
      mode: "shared",
      author_id: "tea_1",
    });
    expect(sent).toHaveLength(0);
  });

  it("waits as long as a 429's Retry-After asks, then sends once", async () => {
    const { waits, sleep } = recordingSleep();
    const adapter = createFrontReplyAdapter({
      apiToken: "front-token",
      baseUrl: front.url,
      mode: "reply",
      retry: { sleep, baseDelayMs: 1, maxDelayMs: 5 },
    });
    front.script({
      status: 429,
      headers: { "retry-after": "3" },
      json: { _error: { status: 429, title: "Too many requests", message: "rate limit exceeded" } },
    });
    const delivery = await adapter.sendReply(conversation, { text: "Hi" }, { idempotencyKey: "k3" });
    expect(delivery.attempts).toBe(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(3000);
    expect(waits[0]).toBeLessThan(3005);
    expect(sent).toHaveLength(1);
  });

  it("does not retry a 401 and reports Front's answer", async () => {
    const adapter = createFrontReplyAdapter({ apiToken: "wrong", baseUrl: front.url, mode: "reply" });
    const error = await adapter.sendReply(conversation, { text: "Hi" }, { idempotencyKey: "k4" }).catch((e) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: "vendor_rejected", retriable: false, attempts: 1, status: 401 });
    expect(error.message).toContain("Unauthenticated");
    expect(front.requests).toHaveLength(1);
  });

  it("refuses to build a shared-draft adapter without the teammate it writes as", () => {
    expect(() => createFrontReplyAdapter({ apiToken: "t", mode: "shared_draft" })).toThrow(/authorId/);
  });
});
