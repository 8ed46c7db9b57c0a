import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, openTestProduct, type TestProduct } from "./harness.js";
import { whatsappDelivery, whatsappSign, zendeskSign } from "./vendor-payloads.js";
import { configureVendorChannels, conversationsOf, detail, post } from "./webhook-helpers.js";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] webhooks on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`inbound webhooks on ${dialect.name}`, () => {
    let p: TestProduct;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env);
      await configureVendorChannels(p);
    });
    afterAll(async () => {
      await p.runtime.database.close();
    });

    describe("generic", () => {
      const body = (id: string, text = "Where is my order?") =>
        JSON.stringify({
          type: "message.received",
          id,
          customer: { email: "Grace@Example.com", name: "Grace" },
          conversation: { externalId: "thread-1", subject: "Order" },
          message: { text },
        });

      it("stores a signed message once, answers 2xx to a redelivery, and queues one event", async () => {
        const raw = body("gen-1");
        const first = await post(p, `/webhooks/generic/${p.appId}`, raw, {
          "x-support-signature": signPayload(raw, [p.signingSecret]),
        });
        expect(first.status).toBe(200);
        expect(await first.json()).toMatchObject({ status: "stored", messages: 1 });
        // The sender retries with a fresh signature: a no-op that still answers 2xx.
        const retry = await post(p, `/webhooks/generic/${p.appId}`, raw, {
          "x-support-signature": signPayload(raw, [p.signingSecret], Math.floor(Date.now() / 1000) - 5),
        });
        expect(retry.status).toBe(200);
        expect(await retry.json()).toMatchObject({ status: "duplicate" });
        const [conversation] = await conversationsOf(p, "generic");
        const d = await detail(p, conversation?.id ?? "");
        expect(d.contact).toMatchObject({ email: "grace@example.com", name: "Grace" });
        expect(d.messages).toHaveLength(1);
        expect(d.messages[0]).toMatchObject({ direction: "inbound", text: "Where is my order?" });
        expect(d.rawEvents).toHaveLength(1);
        const events = await p.runtime.database.db.q.select().from(p.runtime.database.db.t.outbox);
        expect(events.filter((e) => (e.payload as { messageId?: string }).messageId === d.messages[0].id)).toHaveLength(
          1,
        );
      });

      it("rejects a replay of the same signature, a bad signature, a stale one and one from the future", async () => {
        const raw = body("gen-2");
        const signature = signPayload(raw, [p.signingSecret]);
        expect((await post(p, `/webhooks/generic/${p.appId}`, raw, { "x-support-signature": signature })).status).toBe(
          200,
        );
        const replay = await post(p, `/webhooks/generic/${p.appId}`, raw, { "x-support-signature": signature });
        expect(replay.status).toBe(401);
        expect(await replay.json()).toMatchObject({ code: "invalid_signature" });
        const now = Math.floor(Date.now() / 1000);
        for (const header of [
          signPayload(raw, ["wrong-secret"]),
          signPayload(raw, [p.signingSecret], now - 301),
          signPayload(raw, [p.signingSecret], now + 60),
          "t=garbage",
        ]) {
          const res = await post(p, `/webhooks/generic/${p.appId}`, body("gen-3"), { "x-support-signature": header });
          expect(res.status).toBe(401);
          expect(res.headers.get("content-type")).toContain("application/problem+json");
        }
        const missing = await post(p, `/webhooks/generic/${p.appId}`, raw, {});
        expect(missing.status).toBe(401);
        const stored = await p.runtime.database.db.q.select().from(p.runtime.database.db.t.inboundEvents);
        expect(stored.filter((e) => e.payload.includes("gen-3"))).toHaveLength(0);
        expect(
          p.runtime.counters.get("webhook_rejected_total", { channel: "generic", reason: "bad_signature" }),
        ).toBeGreaterThan(0);
      });

      it("keeps a signed but malformed payload as rejected with the reason and answers 400", async () => {
        const raw = JSON.stringify({ type: "message.received", id: "gen-bad", customer: {}, message: { text: "hi" } });
        const res = await post(p, `/webhooks/generic/${p.appId}`, raw, {
          "x-support-signature": signPayload(raw, [p.signingSecret]),
        });
        expect(res.status).toBe(400);
        expect((await res.json()).detail).toContain("customer needs an email");
        const notJson = "{not json";
        expect(
          (
            await post(p, `/webhooks/generic/${p.appId}`, notJson, {
              "x-support-signature": signPayload(notJson, [p.signingSecret]),
            })
          ).status,
        ).toBe(400);
        const rows = await p.runtime.database.db.q.select().from(p.runtime.database.db.t.inboundEvents);
        const rejected = rows.filter((r) => r.status === "rejected");
        expect(rejected.map((r) => r.reason)).toEqual(
          expect.arrayContaining([expect.stringContaining("customer needs an email"), "the body is not valid JSON"]),
        );
      });

      it("answers 404 for an unknown app or channel and 413 for a body over the limit", async () => {
        const raw = body("gen-4");
        const sig = { "x-support-signature": signPayload(raw, [p.signingSecret]) };
        expect((await post(p, "/webhooks/generic/app_01JD3W2V8K1Q9X7F5G3H2J4K6M", raw, sig)).status).toBe(404);
        expect((await post(p, "/webhooks/generic/not-an-id", raw, sig)).status).toBe(404);
        expect((await post(p, `/webhooks/telegram/${p.appId}`, raw, sig)).status).toBe(404);
        const big = body("gen-big", "x".repeat(1_100_000));
        const res = await post(p, `/webhooks/generic/${p.appId}`, big, {
          "x-support-signature": signPayload(big, [p.signingSecret]),
        });
        expect(res.status).toBe(413);
      });
    });

    describe("Zendesk", () => {
      it("keeps end-user messages of event subscriptions as inbound and agents' as outbound", async () => {
        const created = {
          type: "zen:event-type:ticket.created",
          account_id: 12514403,
          id: "zd-evt-1",
          time: "2026-11-24T10:00:00Z",
          zendesk_event_version: "2022-11-06",
          subject: "zen:ticket:141",
          detail: {
            id: "141",
            subject: "Can't log in",
            description: "I cannot log in since yesterday",
            requester_id: "9001",
            status: "NEW",
          },
          event: {},
        };
        const agentChat = {
          account_id: 21825834,
          detail: { id: "141" },
          event: {
            actor: { id: "42", name: "Sam", type: "agent" },
            conversation_id: "67ab",
            message: { body: "Looking into it", id: "m-agent" },
          },
          id: "zd-evt-2",
          subject: "zen:ticket:141",
          time: "2026-11-24T10:01:00Z",
          type: "zen:event-type:messaging_ticket.message_added",
          zendesk_event_version: "2022-11-06",
        };
        const bot = {
          ...agentChat,
          id: "zd-evt-3",
          event: {
            actor: { id: "zd:answerBot", name: "Bot", type: "system" },
            message: { body: "Hi there", id: "m-bot" },
          },
        };
        for (const event of [created, agentChat, bot]) {
          const raw = JSON.stringify(event);
          expect((await post(p, `/webhooks/zendesk/${p.appId}`, raw, zendeskSign("zendesk-secret", raw))).status).toBe(
            200,
          );
        }
        const conversation = (await conversationsOf(p, "zendesk")).find((c) => c.externalId === "141");
        const d = await detail(p, conversation?.id ?? "");
        expect(d.messages.map((m: { direction: string; text: string }) => [m.direction, m.text])).toEqual([
          ["inbound", "I cannot log in since yesterday"],
          ["outbound", "Looking into it"],
        ]);
        expect(d.contact.externalId).toBe("zendesk:9001");
      });

      it("accepts the documented trigger template", async () => {
        const raw = JSON.stringify({
          ticket: {
            id: 777,
            subject: "Wrong size",
            requester: { name: "Noor", email: "noor@example.com" },
            latest_public_comment: {
              id: 5555,
              body: "I received the wrong size",
              author_name: "Noor",
              author_role: "end-user",
            },
          },
        });
        const res = await post(p, `/webhooks/zendesk/${p.appId}`, raw, zendeskSign("zendesk-secret", raw));
        expect(res.status).toBe(200);
        const conversation = (await conversationsOf(p, "zendesk")).find((c) => c.externalId === "777");
        const d = await detail(p, conversation?.id ?? "");
        expect(d.contact.email).toBe("noor@example.com");
        expect(d.messages[0]).toMatchObject({ direction: "inbound", text: "I received the wrong size" });
      });

      it("rejects a stale Zendesk timestamp", async () => {
        const raw = JSON.stringify({ type: "zen:event-type:ticket.created", id: "zd-old", detail: { id: "1" } });
        const res = await post(
          p,
          `/webhooks/zendesk/${p.appId}`,
          raw,
          zendeskSign("zendesk-secret", raw, new Date(Date.now() - 301_000)),
        );
        expect(res.status).toBe(401);
      });
    });

    describe("WhatsApp", () => {
      it("answers the verification handshake only with the right token", async () => {
        const ok = await p.api.request(
          `/webhooks/whatsapp/${p.appId}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`,
        );
        expect(ok.status).toBe(200);
        expect(await ok.text()).toBe("1158201444");
        const bad = await p.api.request(
          `/webhooks/whatsapp/${p.appId}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`,
        );
        expect(bad.status).toBe(403);
      });

      it("stores every message of a delivery, typed, once, with non-ASCII text signed over the escaped bytes", async () => {
        const ts = String(Math.floor(Date.now() / 1000));
        const messages = [
          { from: "261341234567", id: "wamid.A1", timestamp: ts, type: "text", text: { body: "__TEXT__" } },
          {
            from: "261341234567",
            id: "wamid.A2",
            timestamp: ts,
            type: "image",
            image: { id: "media-1", mime_type: "image/jpeg", caption: "My receipt" },
          },
          {
            from: "261341234567",
            id: "wamid.A3",
            timestamp: ts,
            type: "location",
            location: { latitude: -18.91, longitude: 47.52, name: "Shop", address: "Antananarivo" },
          },
          {
            from: "261341234567",
            id: "wamid.A4",
            timestamp: ts,
            type: "interactive",
            interactive: { type: "button_reply", button_reply: { id: "yes", title: "Oui" } },
          },
        ];
        // Meta escapes non-ASCII as \uXXXX; the signature covers exactly those bytes.
        const raw = JSON.stringify(whatsappDelivery(messages)).replace(
          "__TEXT__",
          "Bonjour, o\\u00f9 est ma commande ? Misaotra \\ud83d\\ude4f",
        );
        const res = await post(p, `/webhooks/whatsapp/${p.appId}`, raw, whatsappSign("meta-secret", raw));
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ status: "stored", messages: 4 });
        // Meta retries the identical delivery: nothing changes and it still gets a 2xx.
        const again = await post(p, `/webhooks/whatsapp/${p.appId}`, raw, whatsappSign("meta-secret", raw));
        expect(again.status).toBe(200);
        // The same message inside a different delivery is de-duplicated on its wamid.
        const overlap = JSON.stringify(
          whatsappDelivery([
            messages[0],
            { from: "261341234567", id: "wamid.A5", timestamp: ts, type: "text", text: { body: "Any news?" } },
          ]),
        );
        expect(
          await (await post(p, `/webhooks/whatsapp/${p.appId}`, overlap, whatsappSign("meta-secret", overlap))).json(),
        ).toMatchObject({ messages: 1 });
        const [conversation] = await conversationsOf(p, "whatsapp");
        const d = await detail(p, conversation?.id ?? "");
        expect(d.contact).toMatchObject({ phone: "+261341234567", name: "Rakoto" });
        expect(d.messages.map((m: { kind: string }) => m.kind)).toEqual([
          "text",
          "image",
          "location",
          "interactive",
          "text",
        ]);
        expect(d.messages[0].text).toBe("Bonjour, où est ma commande ? Misaotra 🙏");
        expect(d.messages[1]).toMatchObject({
          text: "My receipt",
          attachments: [{ mediaId: "media-1", contentType: "image/jpeg" }],
        });
        expect(d.messages[3].text).toBe("Oui");
      });

      it("rejects a re-serialised body and answers 404 when the channel is not configured", async () => {
        const raw =
          '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"from":"1","id":"wamid.X","timestamp":"1","type":"text","text":{"body":"caf\\u00e9"}}]}}]}]}';
        const signature = whatsappSign("meta-secret", raw);
        const reserialised = JSON.stringify(JSON.parse(raw));
        expect((await post(p, `/webhooks/whatsapp/${p.appId}`, reserialised, signature)).status).toBe(401);
        const other = await openTestProduct(dialect.env, "Other");
        expect((await post(other, `/webhooks/whatsapp/${other.appId}`, raw, signature)).status).toBe(404);
        await other.runtime.database.close();
      });
    });

    describe("email", () => {
      it("threads a reply onto the conversation by In-Reply-To and References", async () => {
        const first = JSON.stringify({
          from: "Lin <lin@example.com>",
          to: "support@acme.test",
          subject: "Invoice",
          text: "Can I get an invoice?",
          messageId: "<m1@mail.example.com>",
        });
        const reply = JSON.stringify({
          from: "lin@example.com",
          subject: "Re: Invoice",
          text: "Any update?\n\nOn Mon, Support wrote:\n> We are on it",
          messageId: "<m2@mail.example.com>",
          inReplyTo: "<m1@mail.example.com>",
          references: "<m1@mail.example.com>",
        });
        for (const raw of [first, reply]) {
          const res = await post(p, `/webhooks/email/${p.appId}`, raw, {
            "x-support-signature": signPayload(raw, [p.signingSecret]),
          });
          expect(res.status).toBe(200);
        }
        const conversations = await conversationsOf(p, "email");
        expect(conversations).toHaveLength(1);
        const d = await detail(p, conversations[0]?.id ?? "");
        expect(d.messages.map((m: { text: string }) => m.text)).toEqual(["Can I get an invoice?", "Any update?"]);
        expect(d.contact).toMatchObject({ email: "lin@example.com", name: "Lin" });
      });
    });
  });
}
