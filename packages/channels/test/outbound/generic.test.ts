import { SIGNATURE_HEADER, verifySignature } from "@support/sdk/signing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGenericReplyAdapter, type ReplyTarget } from "../../src/index.js";
import { type FakeVendor, recordingSleep, startFakeVendor, target } from "./fake-vendor.js";

/** A product app's reply callback that verifies the platform's signature like the SDK handler does. */
let app: FakeVendor;
const verified: unknown[] = [];

beforeEach(async () => {
  verified.length = 0;
  app = await startFakeVendor((req) => {
    const result = verifySignature({
      body: req.body,
      header: req.headers[SIGNATURE_HEADER] as string,
      secrets: ["whsec_new"],
    });
    if (!result.ok) return { status: 401, json: { error: result.reason } };
    verified.push(JSON.parse(req.body));
    return { status: 200, json: { id: `app-msg-${verified.length}` } };
  });
});
afterEach(() => app.close());

const conversation: ReplyTarget = { ...target, channel: "generic", externalId: "ticket-77" };

describe("generic reply adapter", () => {
  it("posts a signed reply that the app verifies with any of the rotating secrets", async () => {
    const adapter = createGenericReplyAdapter({
      callbackUrl: `${app.url}/support/replies`,
      signingSecrets: ["whsec_old", "whsec_new"],
    });
    const delivery = await adapter.sendReply(
      conversation,
      { text: "Refund issued", html: "<p>Refund issued</p>" },
      { idempotencyKey: "k1" },
    );
    expect(delivery).toEqual({ status: "sent", vendorMessageId: "app-msg-1", attempts: 1, sandbox: false });
    expect(verified).toEqual([
      {
        type: "reply.created",
        id: "k1",
        conversation: { id: "cnv_test", externalId: "ticket-77", subject: "Where is my order?" },
        customer: { email: "ada@example.com", phone: "+261 34 12 345 67", name: "Ada Lovelace" },
        message: { text: "Refund issued", html: "<p>Refund issued</p>" },
      },
    ]);
    const request = app.requests[0];
    expect(request?.path).toBe("/support/replies");
    expect(request?.headers["idempotency-key"]).toBe("k1");
    expect(String(request?.headers[SIGNATURE_HEADER]).match(/v1=/g)).toHaveLength(2);
  });

  it("is rejected (not retried) when the app does not hold any of our secrets", async () => {
    const adapter = createGenericReplyAdapter({ callbackUrl: app.url, signingSecrets: ["whsec_unknown"] });
    await expect(adapter.sendReply(conversation, { text: "x" }, { idempotencyKey: "k2" })).rejects.toMatchObject({
      code: "vendor_rejected",
      status: 401,
    });
    expect(app.requests).toHaveLength(1);
  });

  it("re-signs each attempt after a 503", async () => {
    const { sleep } = recordingSleep();
    const adapter = createGenericReplyAdapter({
      callbackUrl: app.url,
      signingSecrets: ["whsec_new"],
      retry: { sleep },
    });
    app.script({ status: 503 });
    const delivery = await adapter.sendReply(conversation, { text: "x" }, { idempotencyKey: "k3" });
    expect(delivery.attempts).toBe(2);
    expect(verified).toHaveLength(1);
    for (const request of app.requests) {
      expect(
        verifySignature({
          body: request.body,
          header: request.headers[SIGNATURE_HEADER] as string,
          secrets: ["whsec_new"],
        }).ok,
      ).toBe(true);
    }
  });
});
