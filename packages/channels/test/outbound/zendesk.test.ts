import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZendeskReplyAdapter, DeliveryError, type ReplyTarget } from "../../src/index.js";
import { type FakeVendor, recordingSleep, startFakeVendor, target } from "./fake-vendor.js";

/** Zendesk Support API: a comment is added by updating the ticket; the answer carries the audit. */
let zendesk: FakeVendor;
const comments: { ticket: string; comment: Record<string, unknown> }[] = [];
const basic = `Basic ${Buffer.from("agent@acme.test/token:zd-token").toString("base64")}`;

beforeEach(async () => {
  comments.length = 0;
  zendesk = await startFakeVendor((req) => {
    if (req.headers.authorization !== basic) return { status: 401, json: { error: "Couldn't authenticate you" } };
    const ticket = req.path.match(/^\/api\/v2\/tickets\/(\d+)$/)?.[1];
    if (req.method !== "PUT" || !ticket) return { status: 404, json: { error: "InvalidEndpoint" } };
    const comment = JSON.parse(req.body).ticket.comment;
    comments.push({ ticket, comment });
    const eventId = 9000 + comments.length;
    return {
      status: 200,
      json: {
        ticket: { id: Number(ticket), status: "open" },
        audit: {
          id: 500 + comments.length,
          ticket_id: Number(ticket),
          events: [
            { id: eventId, type: "Comment", body: comment.body, public: comment.public, author_id: comment.author_id },
          ],
        },
      },
    };
  });
});
afterEach(() => zendesk.close());

const ticket: ReplyTarget = { ...target, channel: "zendesk", externalId: "4242" };
const config = () => ({ baseUrl: zendesk.url, email: "agent@acme.test", apiToken: "zd-token", authorId: 777 });

describe("Zendesk reply adapter", () => {
  it("adds a public comment as the configured agent, passing the idempotency key", async () => {
    const adapter = createZendeskReplyAdapter(config());
    const delivery = await adapter.sendReply(ticket, { text: "Done.", html: "<p>Done.</p>" }, { idempotencyKey: "k1" });
    expect(delivery).toEqual({ status: "sent", vendorMessageId: "9001", attempts: 1, sandbox: false });
    expect(comments).toEqual([
      { ticket: "4242", comment: { body: "Done.", html_body: "<p>Done.</p>", public: true, author_id: 777 } },
    ]);
    expect(zendesk.requests[0]?.headers["idempotency-key"]).toBe("k1");
  });

  it("retries a 500 and the comment is added exactly once", async () => {
    const { waits, sleep } = recordingSleep();
    const adapter = createZendeskReplyAdapter({ ...config(), retry: { sleep, baseDelayMs: 2, maxDelayMs: 10 } });
    zendesk.script({ status: 500, json: { error: "InternalError" } });
    const delivery = await adapter.sendReply(ticket, { text: "Once" }, { idempotencyKey: "k2" });
    expect(delivery.attempts).toBe(2);
    expect(comments).toHaveLength(1);
    expect(zendesk.requests).toHaveLength(2);
    expect(waits[0]).toBeLessThanOrEqual(2);
  });

  it("honours Retry-After given as an HTTP date", async () => {
    const { waits, sleep } = recordingSleep();
    const adapter = createZendeskReplyAdapter({ ...config(), retry: { sleep, baseDelayMs: 1, maxDelayMs: 1 } });
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    zendesk.script({ status: 429, headers: { "retry-after": inTenSeconds }, json: { error: "TooManyRequests" } });
    await adapter.sendReply(ticket, { text: "Later" }, { idempotencyKey: "k3" });
    expect(waits[0]).toBeGreaterThan(8_000);
    expect(waits[0]).toBeLessThanOrEqual(10_000);
    expect(comments).toHaveLength(1);
  });

  it("gives up without waiting when Retry-After is beyond the policy's ceiling", async () => {
    const { waits, sleep } = recordingSleep();
    const adapter = createZendeskReplyAdapter({ ...config(), retry: { sleep, maxRetryAfterMs: 30_000 } });
    zendesk.script({ status: 429, headers: { "retry-after": "120" }, json: { error: "TooManyRequests" } });
    const error = await adapter.sendReply(ticket, { text: "x" }, { idempotencyKey: "k4" }).catch((e) => e);
    expect(error).toMatchObject({ code: "rate_limited", retriable: true, attempts: 1, status: 429 });
    expect(waits).toEqual([]);
    expect(comments).toHaveLength(0);
  });

  it("retries after a timeout", async () => {
    const adapter = createZendeskReplyAdapter({
      ...config(),
      retry: { timeoutMs: 150, baseDelayMs: 1, maxDelayMs: 1 },
    });
    zendesk.script("hang");
    const delivery = await adapter.sendReply(ticket, { text: "Slow" }, { idempotencyKey: "k5" });
    expect(delivery.attempts).toBe(2);
    expect(comments).toHaveLength(1);
  });

  it("never retries a 4xx other than 429", async () => {
    const adapter = createZendeskReplyAdapter({ ...config(), retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    zendesk.script({
      status: 422,
      json: {
        error: "RecordInvalid",
        description: "Record validation errors",
        details: { base: [{ description: "closed" }] },
      },
    });
    const error = await adapter.sendReply(ticket, { text: "x" }, { idempotencyKey: "k6" }).catch((e) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: "vendor_rejected", retriable: false, attempts: 1, status: 422 });
    expect(error.message).toContain("RecordInvalid");
    expect(zendesk.requests).toHaveLength(1);
  });

  it("reports exhausted retries after the policy's attempts", async () => {
    const adapter = createZendeskReplyAdapter({
      ...config(),
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });
    zendesk.script(...[1, 2, 3].map(() => ({ status: 503, json: { error: "ServiceUnavailable" } })));
    const error = await adapter.sendReply(ticket, { text: "x" }, { idempotencyKey: "k7" }).catch((e) => e);
    expect(error).toMatchObject({ code: "retries_exhausted", retriable: true, attempts: 3, status: 503 });
    expect(zendesk.requests).toHaveLength(3);
    expect(comments).toHaveLength(0);
  });
});
