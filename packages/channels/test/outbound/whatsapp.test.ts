import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createWhatsAppReplyAdapter,
  DeliveryError,
  isWithinServiceWindow,
  type ReplyTarget,
  type WhatsAppReplyConfig,
} from "../../src/index.js";
import { type FakeVendor, type ReceivedRequest, startFakeVendor, target } from "./fake-vendor.js";

/** The Graph API's /{version}/{phone-number-id}/messages endpoint, with its success and error shapes. */
let graph: FakeVendor;
const accepted: Record<string, unknown>[] = [];
const uploads: ReceivedRequest[] = [];

beforeEach(async () => {
  accepted.length = 0;
  uploads.length = 0;
  graph = await startFakeVendor((req) => {
    if (req.headers.authorization !== "Bearer wa-token") {
      return {
        status: 401,
        json: {
          error: { message: "Invalid OAuth access token.", type: "OAuthException", code: 190, fbtrace_id: "A1" },
        },
      };
    }
    if (req.method === "POST" && req.path === "/v21.0/1234567890/media") {
      uploads.push(req);
      return { status: 200, json: { id: `media-${uploads.length}` } };
    }
    if (req.method !== "POST" || req.path !== "/v21.0/1234567890/messages") {
      return {
        status: 400,
        json: { error: { message: "Unsupported post request", type: "GraphMethodException", code: 100 } },
      };
    }
    const body = JSON.parse(req.body);
    accepted.push(body);
    return {
      status: 200,
      json: {
        messaging_product: "whatsapp",
        contacts: [{ input: body.to, wa_id: body.to }],
        messages: [{ id: `wamid.HBgL${accepted.length}` }],
      },
    };
  });
});
afterEach(() => graph.close());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
const chat = (lastInboundAt: Date | null): ReplyTarget => ({
  ...target,
  channel: "whatsapp",
  externalId: "261341234567",
  lastInboundAt,
});
const config = (extra: Partial<WhatsAppReplyConfig> = {}): WhatsAppReplyConfig => ({
  accessToken: "wa-token",
  phoneNumberId: "1234567890",
  baseUrl: graph.url,
  retry: { baseDelayMs: 1, maxDelayMs: 1 },
  ...extra,
});

describe("WhatsApp reply adapter", () => {
  it("sends free text inside the 24-hour window, with the key as callback data", async () => {
    const adapter = createWhatsAppReplyAdapter(config());
    const delivery = await adapter.sendReply(
      chat(hoursAgo(2)),
      { text: "Misaotra! Your quote is ready." },
      { idempotencyKey: "k1" },
    );
    expect(delivery).toEqual({ status: "sent", vendorMessageId: "wamid.HBgL1", attempts: 1, sandbox: false });
    expect(accepted).toEqual([
      {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: "261341234567",
        type: "text",
        text: { preview_url: false, body: "Misaotra! Your quote is ready." },
        biz_opaque_callback_data: "k1",
      },
    ]);
  });

  it("sends the configured template outside the window", async () => {
    const template = { name: "follow_up", language: "fr", components: [{ type: "body", parameters: [] }] };
    const adapter = createWhatsAppReplyAdapter(config({ template }));
    const delivery = await adapter.sendReply(chat(hoursAgo(25)), { text: "ignored" }, { idempotencyKey: "k2" });
    expect(delivery.vendorMessageId).toBe("wamid.HBgL1");
    expect(accepted[0]).toMatchObject({
      type: "template",
      template: { name: "follow_up", language: { code: "fr" }, components: [{ type: "body", parameters: [] }] },
    });
    expect(accepted[0]).not.toHaveProperty("text");
  });

  it("refuses outside the window without a template, with a clear non-retriable error and no request", async () => {
    const adapter = createWhatsAppReplyAdapter(config());
    for (const lastInboundAt of [hoursAgo(24.01), null]) {
      const error = await adapter
        .sendReply(chat(lastInboundAt), { text: "x" }, { idempotencyKey: "k3" })
        .catch((e) => e);
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toMatchObject({ code: "whatsapp_window_closed", retriable: false, attempts: 0 });
      expect(error.message).toMatch(/24 hours.*template/);
    }
    expect(graph.requests).toHaveLength(0);
  });

  it("does not retry the Graph API's 400 errors", async () => {
    const adapter = createWhatsAppReplyAdapter(config());
    graph.script({
      status: 400,
      json: {
        error: {
          message: "(#131030) Recipient phone number not in allowed list",
          type: "OAuthException",
          code: 131030,
          fbtrace_id: "B2",
        },
      },
    });
    const error = await adapter.sendReply(chat(hoursAgo(1)), { text: "x" }, { idempotencyKey: "k4" }).catch((e) => e);
    expect(error).toMatchObject({ code: "vendor_rejected", retriable: false, status: 400, attempts: 1 });
    expect(error.message).toContain("131030");
    expect(graph.requests).toHaveLength(1);
  });

  it("retries a 500 and the message is accepted once", async () => {
    const adapter = createWhatsAppReplyAdapter(config());
    graph.script({
      status: 500,
      json: { error: { message: "An unknown error occurred", type: "OAuthException", code: 1 } },
    });
    const delivery = await adapter.sendReply(chat(hoursAgo(1)), { text: "x" }, { idempotencyKey: "k5" });
    expect(delivery.attempts).toBe(2);
    expect(accepted).toHaveLength(1);
  });

  it("sends a document: the file through the media upload, then a document message with its id and caption", async () => {
    const adapter = createWhatsAppReplyAdapter(config());
    const pdf = new TextEncoder().encode("%PDF-1.7 a quote");
    const delivery = await adapter.sendReply(
      chat(hoursAgo(1)),
      {
        text: "Voici votre devis D-0001",
        document: { fileName: "D-0001.pdf", mimeType: "application/pdf", bytes: pdf },
      },
      { idempotencyKey: "k7" },
    );
    expect(delivery).toMatchObject({ status: "sent", vendorMessageId: "wamid.HBgL1", attempts: 2 });
    expect(graph.requests.map((r) => r.path)).toEqual(["/v21.0/1234567890/media", "/v21.0/1234567890/messages"]);
    const upload = uploads[0] as ReceivedRequest;
    expect(upload.headers.authorization).toBe("Bearer wa-token");
    expect(upload.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(upload.body, {
      headers: { "content-type": String(upload.headers["content-type"]) },
    }).formData();
    expect(form.get("messaging_product")).toBe("whatsapp");
    expect(form.get("type")).toBe("application/pdf");
    const file = form.get("file") as File;
    expect(file.name).toBe("D-0001.pdf");
    expect(await file.text()).toBe("%PDF-1.7 a quote");
    expect(accepted).toEqual([
      {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: "261341234567",
        type: "document",
        document: { id: "media-1", filename: "D-0001.pdf", caption: "Voici votre devis D-0001" },
        biz_opaque_callback_data: "k7",
      },
    ]);
  });

  it("uploads no document outside the window, even with a template", async () => {
    const adapter = createWhatsAppReplyAdapter(config({ template: { name: "follow_up", language: "fr" } }));
    const document = { fileName: "D-0001.pdf", mimeType: "application/pdf", bytes: new Uint8Array([37]) };
    const error = await adapter
      .sendReply(chat(hoursAgo(30)), { text: "devis", document }, { idempotencyKey: "k8" })
      .catch((e) => e);
    expect(error).toMatchObject({ code: "whatsapp_window_closed", retriable: false });
    expect(graph.requests).toHaveLength(0);
  });

  it("needs a phone number", async () => {
    const adapter = createWhatsAppReplyAdapter(config());
    const noPhone = { ...chat(hoursAgo(1)), contact: { email: "a@b.c" } };
    await expect(adapter.sendReply(noPhone, { text: "x" }, { idempotencyKey: "k6" })).rejects.toMatchObject({
      code: "missing_recipient",
    });
  });

  it("counts the window from the customer's last message", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(isWithinServiceWindow(new Date("2026-02-28T12:00:01Z"), now)).toBe(true);
    expect(isWithinServiceWindow(new Date("2026-02-28T12:00:00Z"), now)).toBe(false);
    expect(isWithinServiceWindow(null, now)).toBe(false);
  });
});
