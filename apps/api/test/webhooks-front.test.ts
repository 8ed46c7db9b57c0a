import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { frontInbound, frontSign } from "./vendor-payloads.js";
import { configureVendorChannels, conversationsOf, detail, post } from "./webhook-helpers.js";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] Front webhooks on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`Front webhooks and the channels API on ${dialect.name}`, () => {
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
      await configureVendorChannels(p);
    });
    afterAll(async () => {
      frontApi.close();
      await p.runtime.database.close();
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

      it("lets agents read the channels and refuses them configuring or testing one", async () => {
        const key = await apiKeyFor(p.runtime, p.orgId, "agent");
        expect((await jsonCall(p, `/api/v1/apps/${p.appId}/channels`, { key })).status).toBe(200);
        const put = await jsonCall(p, `/api/v1/apps/${p.appId}/channels/web`, { method: "PUT", body: {}, key });
        expect(put.status).toBe(403);
        const test = await jsonCall(p, `/api/v1/apps/${p.appId}/channels/web/test`, { method: "POST", key });
        expect(test.status).toBe(403);
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
          "widget",
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
