import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/*
 * Issue 14 (low): text with a NUL character was stored whole but read back cut at the NUL
 * (libsql reads SQLite text as a C string). Whatever a customer sends is what every reader gets.
 */
const TEXT = "before\u0000after the NUL, and a \uffff noncharacter kept as sent";
const NAME = "Nu\u0000ll \uffff0 Rakoto";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] NUL text on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`text with a NUL character on ${dialect.name}`, () => {
    let p: TestProduct;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env);
    });
    afterAll(async () => p.runtime.database.close());

    it("reads a message and a name with a NUL character back whole", async () => {
      const raw = JSON.stringify({
        type: "message.received",
        id: "evt-nul",
        customer: { email: "nul@example.com", name: NAME },
        message: { text: TEXT },
      });
      const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
      const [conversation] = (await (await jsonCall(p, "/api/v1/conversations")).json()).data;
      const detail = await (await jsonCall(p, `/api/v1/conversations/${conversation.id}`)).json();
      expect(detail.messages.map((m: { text: string }) => m.text)).toEqual([TEXT]);
      const exported = await (await jsonCall(p, "/api/v1/contacts/nul@example.com/export")).json();
      expect(exported.contacts[0].name).toBe(NAME);
    });
  });
}
