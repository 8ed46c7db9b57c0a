import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { frontInbound, frontSign, whatsappDelivery, whatsappSign, zendeskSign } from "./vendor-payloads.js";

const post = (p: TestProduct, path: string, body: string, headers: Record<string, string>) =>
  p.api.request(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

async function conversationsOf(p: TestProduct, channel: string) {
  const res = await jsonCall(p, `/api/v1/conversations?channel=${channel}&limit=100`);
  return (await res.json()).data as { id: string; externalId: string; assignee: string | null; tags: string[] }[];
}
async function detail(p: TestProduct, id: string) {
  return (await jsonCall(p, `/api/v1/conversations/${id}`)).json();
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] webhooks on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`inbound webhooks on ${dialect.name}`, () => {
    let p: TestProduct;
    let frontApi: Server;
    let frontApiUrl: string;
    const frontCalls: string[] = [];
    beforeAll(async () => {
      p = await openTestProduct(dialect.env);
      frontApi = createServer((req, res) => {
        frontCalls.push(`${req.method} ${req.url} ${req.headers.authorization}`);
        if (req.url === "/messages/msg_full") {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              id: "msg_full",
              type: "email",
              is_inbound: true,
              created_at: 1_732_000_100,
              blurb: "Hi, I was charged twice",
              body: "<p>Hi, I was charged twice for order <b>#1234</b>.</p>",
              text: "Hi, I was charged twice for order #1234.",
              author: null,
              recipients: [
                { handle: "noreply@shop.test", role: "from", name: "Shop relay" },
                { handle: "Ada@Example.com", role: "reply-to", name: "Ada Lovelace" },
                { handle: "support@acme.test", role: "to" },
              ],
              attachments: [
                { filename: "receipt.pdf", url: "https://x/att", content_type: "application/pdf", size: 2048 },
              ],
            }),
          );
          return;
        }
        res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => frontApi.listen(0, "127.0.0.1", resolve));
      frontApiUrl = `http://127.0.0.1:${(frontApi.address() as AddressInfo).port}`;
      for (const [kind, body] of Object.entries({
        front: { secrets: { appSecret: "front-secret" } },
        zendesk: { secrets: { webhookSecret: "zendesk-secret" } },
        whatsapp: { secrets: { appSecret: "meta-secret", verifyToken: "verify-me" } },
      })) {
        expect((await jsonCall(p, `/api/v1/apps/${p.appId}/channels/${kind}`, { method: "PUT", body })).status).toBe(
          200,
        );
      }
    });
    afterAll(async () => {
      frontApi.close();
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

    describe("Front", () => {
      it("echoes the validation challenge of a signed request", async () => {
        const raw = JSON.stringify({ type: "sync" });
        const res = await post(p, `/webhooks/front/${p.appId}`, raw, {
          ...frontSign("front-secret", raw),
          "x-front-challenge": "abc123",
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ challenge: "abc123" });
      });

      it("without an API token keeps the preview and marks it", async () => {
        const raw = JSON.stringify(
          frontInbound({
            eventId: "evt_f1",
            messageId: "msg_prev",
            conversationId: "cnv_front1",
            blurb: "Hi, I need a refund",
          }),
        );
        const res = await post(p, `/webhooks/front/${p.appId}`, raw, frontSign("front-secret", raw));
        expect(res.status).toBe(200);
        const conversation = (await conversationsOf(p, "front")).find((c) => c.externalId === "cnv_front1");
        const d = await detail(p, conversation?.id ?? "");
        expect(d.messages[0]).toMatchObject({ text: "Hi, I need a refund", metadata: { preview: true } });
        expect(d.contact.email).toBe("ada@example.com");
      });

      it("with an API token fetches the full message from the Front API and uses the reply-to sender", async () => {
        await jsonCall(p, `/api/v1/apps/${p.appId}/channels/front`, {
          method: "PUT",
          body: { settings: { baseUrl: frontApiUrl }, secrets: { apiToken: "front-token" } },
        });
        const raw = JSON.stringify(
          frontInbound({ eventId: "evt_f2", messageId: "msg_full", conversationId: "cnv_front2", blurb: "Hi, I was…" }),
        );
        const res = await post(p, `/webhooks/front/${p.appId}`, raw, frontSign("front-secret", raw));
        expect(res.status).toBe(200);
        expect(frontCalls).toContain("GET /messages/msg_full Bearer front-token");
        const conversation = (await conversationsOf(p, "front")).find((c) => c.externalId === "cnv_front2");
        const d = await detail(p, conversation?.id ?? "");
        expect(d.messages[0]).toMatchObject({
          text: "Hi, I was charged twice for order #1234.",
          html: "<p>Hi, I was charged twice for order <b>#1234</b>.</p>",
          metadata: { preview: false },
          attachments: [{ name: "receipt.pdf", contentType: "application/pdf", size: 2048 }],
        });
        expect(d.contact).toMatchObject({ email: "ada@example.com", name: "Ada Lovelace" });
      });

      it("records a teammate's reply, assignment and tags on the conversation", async () => {
        const base = frontInbound({ eventId: "evt_f3", messageId: "msg_out", conversationId: "cnv_front1", blurb: "" });
        const outbound = {
          ...base,
          type: "outbound_sent",
          payload: {
            ...base.payload,
            target: {
              _meta: { type: "message" },
              data: {
                id: "msg_out",
                type: "email",
                is_inbound: false,
                created_at: 1_732_000_500,
                blurb: "Refunded!",
                author: { id: "tea_1", email: "sam@acme.test", first_name: "Sam", last_name: "Agent" },
                recipients: [{ handle: "ada@example.com", role: "to" }],
              },
            },
          },
        };
        const assigned = {
          type: "assignee_changed",
          payload: {
            id: "evt_f4",
            conversation: {
              id: "cnv_front1",
              assignee: { id: "tea_1", email: "sam@acme.test", first_name: "Sam", last_name: "Agent" },
            },
            target: { _meta: { type: "teammate" }, data: { id: "tea_1" } },
          },
        };
        const tagged = {
          type: "tag_added",
          payload: {
            id: "evt_f5",
            conversation: { id: "cnv_front1" },
            target: { _meta: { type: "tag" }, data: { id: "tag_1", name: "refund" } },
          },
        };
        const other = { type: "conversation_archived", payload: { id: "evt_f6", conversation: { id: "cnv_front1" } } };
        for (const event of [outbound, assigned, tagged, other]) {
          const raw = JSON.stringify(event);
          expect((await post(p, `/webhooks/front/${p.appId}`, raw, frontSign("front-secret", raw))).status).toBe(200);
        }
        const conversation = (await conversationsOf(p, "front")).find((c) => c.externalId === "cnv_front1");
        expect(conversation).toMatchObject({ assignee: "Sam Agent", tags: ["refund"] });
        const d = await detail(p, conversation?.id ?? "");
        expect(d.messages.map((m: { direction: string }) => m.direction)).toEqual(["inbound", "outbound"]);
        expect(d.messages[1]).toMatchObject({ authorKind: "agent", authorName: "Sam Agent", text: "Refunded!" });
      });

      it("rejects a bad Front signature", async () => {
        const raw = JSON.stringify(
          frontInbound({ eventId: "evt_bad", messageId: "m", conversationId: "c", blurb: "x" }),
        );
        const res = await post(p, `/webhooks/front/${p.appId}`, raw, frontSign("not-the-secret", raw));
        expect(res.status).toBe(401);
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

    describe("channels API", () => {
      it("sends a signed test message through every channel's real route", async () => {
        for (const kind of ["front", "zendesk", "whatsapp", "email", "generic", "web"]) {
          const res = await jsonCall(p, `/api/v1/apps/${p.appId}/channels/${kind}/test`, { method: "POST" });
          expect(res.status, kind).toBe(200);
          const report = await res.json();
          expect(report.status, `${kind}: ${report.detail}`).toBeLessThan(300);
          if (kind !== "web") expect(report.conversationId, kind).toMatch(/^cnv_/);
        }
      });

      it("never returns secrets, lists every kind and validates fields", async () => {
        const res = await jsonCall(p, `/api/v1/apps/${p.appId}/channels`);
        const { data } = await res.json();
        expect(data.map((c: { kind: string }) => c.kind)).toEqual([
          "front",
          "zendesk",
          "whatsapp",
          "email",
          "web",
          "generic",
        ]);
        const front = data.find((c: { kind: string }) => c.kind === "front");
        expect(front).toMatchObject({ status: "active", secretsSet: ["appSecret", "apiToken"] });
        expect(JSON.stringify(data)).not.toContain("front-secret");
        expect(JSON.stringify(data)).not.toContain("front-token");
        const bad = await jsonCall(p, `/api/v1/apps/${p.appId}/channels/whatsapp`, {
          method: "PUT",
          body: { settings: { apiVersion: "21" } },
        });
        expect(bad.status).toBe(400);
        const unknown = await jsonCall(p, `/api/v1/apps/${p.appId}/channels/front`, {
          method: "PUT",
          body: { secrets: { password: "x" } },
        });
        expect(unknown.status).toBe(400);
        expect((await unknown.json()).detail).toContain("password");
      });
    });
  });
}
