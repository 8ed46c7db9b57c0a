import { describe, expect, it } from "vitest";
import { statusFromFrontOutboundSent, statusFromWhatsApp } from "../../src/index.js";

describe("vendor status callbacks", () => {
  it("reads WhatsApp statuses, with the error as the failure reason", () => {
    expect(
      statusFromWhatsApp({ id: "wamid.A", status: "read", timestamp: "1767225600", recipient_id: "2613" }),
    ).toEqual({
      channelKind: "whatsapp",
      vendorMessageId: "wamid.A",
      status: "read",
      at: new Date("2026-01-01T00:00:00Z"),
    });
    const failed = statusFromWhatsApp({
      id: "wamid.B",
      status: "failed",
      timestamp: "1767225600",
      errors: [
        {
          code: 131047,
          title: "Re-engagement message",
          message: "Re-engagement message",
          error_data: { details: "Message failed to send because more than 24 hours have passed" },
        },
      ],
    });
    expect(failed?.reason).toBe(
      "131047 Re-engagement message Message failed to send because more than 24 hours have passed",
    );
    expect(statusFromWhatsApp({ id: "wamid.C", status: "deleted", timestamp: "1" })).toBeUndefined();
  });

  it("reads Front outbound_sent as the message being sent", () => {
    const event = {
      type: "outbound_sent",
      emitted_at: 1767225600.5,
      target: { _meta: { type: "message" }, data: { id: "msg_d1" } },
    };
    expect(statusFromFrontOutboundSent(event)).toEqual({
      channelKind: "front",
      vendorMessageId: "msg_d1",
      status: "sent",
      at: new Date(1767225600500),
    });
    expect(statusFromFrontOutboundSent({ ...event, type: "inbound_received" })).toBeUndefined();
  });
});
