import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { skillIn } from "@support/cli/testing";
import { addTextSource, OPERATOR, processSource } from "@support/core";
import { eventually } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/**
 * The path to a person: a declined, an escalated and a failed-send conversation are each answered
 * by a person, through the API and through the CLI (remote mode against this API on 127.0.0.1).
 * The customer is the product app's generic callback on 127.0.0.1: it counts what it accepted.
 */
const helpArticle = {
  title: "Resetting your password",
  body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password.\n",
};

interface Customer {
  url: string;
  /** Accepted replies: conversation id and text. */
  accepted: { conversationId: string; text: string }[];
  /** How many next calls answer 422 (a final refusal, not retried). */
  refuse: number;
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] person replies on ${dialect.name}: ${dialect.skipReason}`);
  // Each test drives three conversations through the whole pipeline: longer than the default 5 s.
  describe.skipIf(Boolean(dialect.skipReason))(
    `a person answers any conversation on ${dialect.name}`,
    { timeout: 60_000 },
    () => {
      let p: TestProduct;
      let app: Server;
      const customer: Customer = { url: "", accepted: [], refuse: 0 };
      beforeAll(async () => {
        app = createServer((req, res) => {
          let body = "";
          req.on("data", (chunk) => {
            body += chunk;
          });
          req.on("end", () => {
            res.setHeader("content-type", "application/json");
            if (customer.refuse > 0) {
              customer.refuse--;
              res.statusCode = 422;
              res.end(JSON.stringify({ error: "customer unreachable" }));
              return;
            }
            const payload = JSON.parse(body);
            customer.accepted.push({ conversationId: payload.conversation.id, text: payload.message.text });
            res.end("{}");
          });
        });
        await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
        customer.url = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
        p = await openTestProduct(dialect.env, "Acme", { pipeline: true });
        const operator = p.runtime.contextFor(p.orgId, OPERATOR);
        await processSource(operator, (await addTextSource(operator, { app: p.appId, ...helpArticle })).id);
        await jsonCall(p, `/api/v1/apps/${p.appId}/channels/generic`, {
          method: "PUT",
          body: { settings: { callbackUrl: `${customer.url}/support/replies` } },
        });
      });
      afterAll(async () => {
        app.close();
        await p.runtime.stop();
        await p.runtime.database.close();
      });

      const send = async (id: string, text: string) => {
        const raw = JSON.stringify({
          type: "message.received",
          id,
          customer: { email: `${id}@example.com` },
          conversation: { externalId: id },
          message: { text },
        });
        const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
          body: raw,
        });
        expect(res.status).toBe(200);
      };
      const draftOf = (id: string, status: string) =>
        eventually(
          async () => {
            const list = await (await jsonCall(p, `/api/v1/drafts?status=${status}&limit=100`)).json();
            for (const d of list.data as { id: string; conversationId: string }[]) {
              const c = await (await jsonCall(p, `/api/v1/conversations/${d.conversationId}`)).json();
              if (c.externalId === id) return d;
            }
            return undefined;
          },
          (d) => d !== undefined,
          `a ${status} draft for ${id}`,
        ) as Promise<{ id: string; conversationId: string }>;

      /** Three conversations a person must answer: declined (no knowledge), escalated (asked for a person), failed send. */
      async function threeConversations(tag: string) {
        await send(`${tag}-declined`, "Where is my parcel? It has been two weeks.");
        await send(`${tag}-escalated`, "Je veux parler à un humain, s'il vous plaît.");
        await send(`${tag}-failed`, "Hi, how do I reset my password? I forgot it.");
        const declined = (await draftOf(`${tag}-declined`, "declined")).conversationId;
        const escalated = (await draftOf(`${tag}-escalated`, "escalated")).conversationId;
        // Escalated, the customer is told in their language when a person will answer (on by default).
        const [notice] = await eventually(
          async () => receivedBy(escalated),
          (texts) => texts.length === 1,
          "the handoff notice",
        );
        expect(notice).toBe("Merci pour votre message. Une personne de notre équipe vous répondra d'ici 4 heures.");
        const pending = await draftOf(`${tag}-failed`, "pending_approval");
        customer.refuse = 1;
        expect((await jsonCall(p, `/api/v1/drafts/${pending.id}/approve`, { method: "POST", body: {} })).status).toBe(
          200,
        );
        await draftOf(`${tag}-failed`, "failed");
        return { declined, escalated, failed: pending.conversationId };
      }

      const receivedBy = (conversationId: string) =>
        customer.accepted.filter((r) => r.conversationId === conversationId).map((r) => r.text);
      /** What the customer received besides the handoff notice the escalation sent them. */
      const receivedFromPeople = (conversationId: string) =>
        receivedBy(conversationId).filter((t) => !t.startsWith("Merci pour votre message."));

      it("through the API: 201 with the delivery, and the customer receives exactly that text once", async () => {
        const conversations = await threeConversations("api");
        const agent = await apiKeyFor(p.runtime, p.orgId, "agent");
        for (const [state, conversationId] of Object.entries(conversations)) {
          const text = `Hello, a person here about your ${state} conversation.`;
          const body = { text, idempotencyKey: `reply-${state}` };
          const res = await jsonCall(p, `/api/v1/conversations/${conversationId}/replies`, {
            method: "POST",
            body,
            key: agent,
          });
          expect(res.status).toBe(201);
          expect(await res.json()).toMatchObject({ status: "sent", sandbox: false, channel: "generic" });
          const again = await jsonCall(p, `/api/v1/conversations/${conversationId}/replies`, {
            method: "POST",
            body,
            key: agent,
          });
          expect(again.status).toBe(201);
          expect(receivedFromPeople(conversationId)).toEqual([text]);
        }
        const empty = await jsonCall(p, `/api/v1/conversations/${conversations.declined}/replies`, {
          method: "POST",
          body: { text: "   " },
        });
        expect(empty.status).toBe(400);
        expect(empty.headers.get("content-type")).toContain("application/problem+json");
        const missing = await jsonCall(p, "/api/v1/conversations/cnv_missing/replies", {
          method: "POST",
          body: { text: "Hi" },
        });
        expect(missing.status).toBe(404);
      });

      it("through the API: a failed reply is resent once", async () => {
        const { declined } = await threeConversations("resend");
        customer.refuse = 1;
        const failed = await (
          await jsonCall(p, `/api/v1/conversations/${declined}/replies`, {
            method: "POST",
            body: { text: "Second try" },
          })
        ).json();
        expect(failed.status).toBe("failed");
        const resent = await jsonCall(p, `/api/v1/deliveries/${failed.id}/resend`, { method: "POST" });
        expect(resent.status).toBe(201);
        const twice = await jsonCall(p, `/api/v1/deliveries/${failed.id}/resend`, { method: "POST" });
        const resentId = (await resent.json()).id;
        expect((await twice.json()).id).toBe(resentId);
        expect(receivedBy(declined)).toEqual(["Second try"]);
        const notFailed = await jsonCall(p, `/api/v1/deliveries/${resentId}/resend`, { method: "POST" });
        expect(notFailed.status).toBe(409);
      });

      it("through the CLI against the server, reply, takeover and release", async () => {
        const conversations = await threeConversations("cli");
        const server = serve({ fetch: p.api.fetch, port: 0, hostname: "127.0.0.1" });
        await new Promise((resolve) => server.once("listening", resolve));
        const env = {
          SUPPORT_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          SUPPORT_API_KEY: await apiKeyFor(p.runtime, p.orgId, "agent"),
        };
        try {
          for (const [state, conversationId] of Object.entries(conversations)) {
            const text = `CLI reply on the ${state} conversation.`;
            const run = await skillIn(env, "conversations", "reply", conversationId, "--text", text, "--json");
            expect(run.code).toBe(0);
            expect(JSON.parse(run.stdout)).toMatchObject({ status: "sent" });
            expect(receivedFromPeople(conversationId)).toEqual([text]);
          }
          const taken = await skillIn(env, "conversations", "takeover", conversations.declined, "--json");
          expect(JSON.parse(taken.stdout).takenOverBy).toMatch(/^key:/);
          const released = await skillIn(env, "conversations", "release", conversations.declined);
          expect(released.stdout).toContain("is back with the AI");
          const noText = await skillIn(env, "conversations", "reply", conversations.declined);
          expect(noText.code).toBe(1);
          expect(noText.stderr).toContain("--text");
        } finally {
          server.close();
        }
      });
    },
  );
}
