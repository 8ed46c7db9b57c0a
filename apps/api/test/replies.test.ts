import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { replyTargetFor, sendReply, WORKFLOW } from "@support/core";
import { signPayload, verifySignature } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { whatsappDelivery, whatsappSign } from "./vendor-payloads.js";

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => resolve(body));
  });

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] replies on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`replies through stored channels on ${dialect.name}`, () => {
    let p: TestProduct;
    let vendor: Server;
    let vendorUrl: string;
    const received: { path: string; headers: IncomingMessage["headers"]; body: string }[] = [];
    beforeAll(async () => {
      p = await openTestProduct(dialect.env);
      vendor = createServer(async (req, res) => {
        const body = await readBody(req);
        received.push({ path: req.url ?? "", headers: req.headers, body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          req.url?.includes("/messages")
            ? JSON.stringify({ messaging_product: "whatsapp", messages: [{ id: "wamid.OUT1" }] })
            : "{}",
        );
      });
      await new Promise<void>((resolve) => vendor.listen(0, "127.0.0.1", resolve));
      vendorUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      vendor.close();
      await p.runtime.database.close();
    });

    /** The workflow's context: replies go through the product's registry of stored channels. */
    const ctx = () => p.runtime.contextFor(p.orgId, WORKFLOW);

    async function inboundGeneric(id: string) {
      const raw = JSON.stringify({
        type: "message.received",
        id,
        customer: { email: "kim@example.com" },
        message: { text: "Hi" },
      });
      await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      const list = await (await jsonCall(p, "/api/v1/conversations?channel=generic")).json();
      return list.data[0].id as string;
    }

    it("records a reply in the sandbox outbox when the channel has no credentials, once per key", async () => {
      const conversationId = await inboundGeneric("r-1");
      const target = await replyTargetFor(ctx(), conversationId);
      const first = await sendReply(ctx(), target, { text: "Your order ships today." }, { idempotencyKey: "drf_1" });
      const again = await sendReply(ctx(), target, { text: "Your order ships today." }, { idempotencyKey: "drf_1" });
      expect(first).toMatchObject({ sandbox: true, status: "sent" });
      expect(again.id).toBe(first.id);
      const outbox = await (await jsonCall(p, `/api/v1/outbox?app=${p.appId}`)).json();
      expect(outbox.data).toHaveLength(1);
      expect(outbox.data[0]).toMatchObject({
        channel: "generic",
        text: "Your order ships today.",
        sandbox: true,
        conversationId,
      });
      const detail = await (await jsonCall(p, `/api/v1/conversations/${conversationId}`)).json();
      expect(detail.deliveries).toMatchObject([{ status: "sent", sandbox: true }]);
    });

    it("signs a reply to the product app's callback once the generic channel has a callback URL", async () => {
      await jsonCall(p, `/api/v1/apps/${p.appId}/channels/generic`, {
        method: "PUT",
        body: { settings: { callbackUrl: `${vendorUrl}/support/replies` } },
      });
      const conversationId = await inboundGeneric("r-2");
      const target = await replyTargetFor(ctx(), conversationId);
      const delivery = await sendReply(ctx(), target, { text: "Done!" }, { idempotencyKey: "drf_2" });
      expect(delivery).toMatchObject({ sandbox: false, status: "sent" });
      const call = received.find((r) => r.path === "/support/replies");
      expect(call).toBeDefined();
      expect(
        verifySignature({
          body: call?.body ?? "",
          header: String(call?.headers["x-support-signature"]),
          secrets: [p.signingSecret],
        }).ok,
      ).toBe(true);
      expect(JSON.parse(call?.body ?? "{}").message.text).toBe("Done!");
    });

    it("sends through the WhatsApp Cloud API and follows its delivery statuses", async () => {
      await jsonCall(p, `/api/v1/apps/${p.appId}/channels/whatsapp`, {
        method: "PUT",
        body: {
          settings: { baseUrl: vendorUrl, phoneNumberId: "106540352242922" },
          secrets: { appSecret: "meta", verifyToken: "v", accessToken: "EAAG" },
        },
      });
      const ts = String(Math.floor(Date.now() / 1000));
      const inbound = JSON.stringify(
        whatsappDelivery([
          { from: "261341234567", id: "wamid.IN1", timestamp: ts, type: "text", text: { body: "Salut" } },
        ]),
      );
      await p.api.request(`/webhooks/whatsapp/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...whatsappSign("meta", inbound) },
        body: inbound,
      });
      const conversationId = (await (await jsonCall(p, "/api/v1/conversations?channel=whatsapp")).json()).data[0].id;
      const target = await replyTargetFor(ctx(), conversationId);
      const delivery = await sendReply(ctx(), target, { text: "Bonjour !" }, { idempotencyKey: "drf_3" });
      expect(delivery).toMatchObject({ sandbox: false, status: "sent", vendorMessageId: "wamid.OUT1" });
      const sent = received.find((r) => r.path.endsWith("/106540352242922/messages"));
      expect(sent?.headers.authorization).toBe("Bearer EAAG");
      expect(JSON.parse(sent?.body ?? "{}")).toMatchObject({
        to: "261341234567",
        type: "text",
        text: { body: "Bonjour !" },
      });

      const statuses = JSON.stringify(
        whatsappDelivery([], [{ id: "wamid.OUT1", status: "delivered", timestamp: ts, recipient_id: "261341234567" }]),
      );
      const res = await p.api.request(`/webhooks/whatsapp/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...whatsappSign("meta", statuses) },
        body: statuses,
      });
      expect(res.status).toBe(200);
      const detail = await (await jsonCall(p, `/api/v1/conversations/${conversationId}`)).json();
      expect(detail.deliveries[0]).toMatchObject({ status: "delivered", vendorMessageId: "wamid.OUT1" });
    });
  });
}
