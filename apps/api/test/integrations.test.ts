import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { addTextSource, OPERATOR, processSource } from "@support/core";
import { createSampleApp } from "@support/example-sample-app";
import { seededStore } from "@support/example-sample-app/store";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const refundPolicy = {
  title: "Refunds",
  body: "# Refunds\n\nYou can ask for a refund of any course within 30 days of purchase; we refund the full amount to your card.\n",
};

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The sample product app from examples/, on 127.0.0.1, accepting the given secrets. */
function startSampleApp(secrets: string[]) {
  const store = seededStore();
  const app = createSampleApp({ store, secrets });
  return new Promise<{ url: string; store: typeof store; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}/support`,
        store,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] integrations on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`product app integration on ${dialect.name}`, () => {
    let p: TestProduct;
    let sample: Awaited<ReturnType<typeof startSampleApp>>;
    const secret = "whsec_sample_app_secret_e2e";
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Acme", { pipeline: true });
      sample = await startSampleApp([secret]);
      const operator = p.runtime.contextFor(p.orgId, OPERATOR);
      await processSource(operator, (await addTextSource(operator, { app: p.appId, ...refundPolicy })).id);
    });
    afterAll(async () => {
      await sample.close();
      await p.runtime.stop();
      await p.runtime.database.close();
    });

    it("registers the app (generating a secret when none is given), rotates it, and reports health", async () => {
      const path = `/api/v1/apps/${p.appId}/integration`;
      const generated = await jsonCall(p, path, { method: "PUT", body: { url: sample.url } });
      expect(generated.status).toBe(200);
      const { secret: once } = await generated.json();
      expect(once).toMatch(/^whsec_/);
      expect(await (await jsonCall(p, `${path}/health`)).json()).toMatchObject({ ok: false, error: { status: 401 } });

      const set = await jsonCall(p, path, {
        method: "PUT",
        body: { url: sample.url, secret, policy: { refundAutoApproveDays: 30, refundAutoApproveBelow: 5000 } },
      });
      const saved = await set.json();
      expect(saved).toMatchObject({ integration: { activeSecrets: 1 } });
      expect(saved.secret).toBeUndefined();
      const health = await (await jsonCall(p, `${path}/health`)).json();
      expect(health).toMatchObject({ ok: true, capabilities: expect.arrayContaining(["refund", "generateMagicLink"]) });

      const rotated = await (await jsonCall(p, `${path}/rotate`, { method: "POST" })).json();
      expect(rotated).toMatchObject({ integration: { activeSecrets: 2 }, secret: expect.stringMatching(/^whsec_/) });
      expect((await (await jsonCall(p, `${path}/health`)).json()).ok).toBe(true);
      const removed = await jsonCall(p, `${path}/old-secret`, { method: "DELETE" });
      expect((await removed.json()).activeSecrets).toBe(1);
      // The sample app still only knows the old secret, so the platform's calls are now refused.
      expect((await (await jsonCall(p, `${path}/health`)).json()).ok).toBe(false);
      await jsonCall(p, path, { method: "PUT", body: { url: sample.url, secret } });

      const missing = await jsonCall(p, "/api/v1/apps/nope/integration/health");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("content-type")).toContain("application/problem+json");
      const bad = await jsonCall(p, path, { method: "PUT", body: { url: "not a url" } });
      expect(bad.status).toBe(400);
    });

    it("lets agents read and check the integration, and only admins change it", async () => {
      const agent = await apiKeyFor(p.runtime, p.orgId, "agent");
      const path = `/api/v1/apps/${p.appId}/integration`;
      const refused = [
        await jsonCall(p, path, { method: "PUT", key: agent, body: { url: sample.url } }),
        await jsonCall(p, `${path}/rotate`, { method: "POST", key: agent }),
        await jsonCall(p, `${path}/old-secret`, { method: "DELETE", key: agent }),
      ];
      expect(refused.map((r) => r.status)).toEqual([403, 403, 403]);
      expect((await jsonCall(p, path, { key: agent })).status).toBe(200);
      expect((await jsonCall(p, `${path}/health`, { key: agent })).status).toBe(200);
    });

    it("documents one execution schema for the app's actions and Stripe refunds", async () => {
      const doc = await (await p.api.request("/openapi.json")).json();
      const answer = (path: string) => doc.paths[path].post.responses["200"].content["application/json"].schema.$ref;
      expect(answer("/api/v1/apps/{app}/integration/actions")).toBe("#/components/schemas/ActionExecutionResult");
      expect(answer("/api/v1/apps/{app}/stripe/refunds")).toBe("#/components/schemas/ActionExecutionResult");
      expect(Object.keys(doc.components.schemas)).toEqual(
        expect.arrayContaining(["Integration", "IntegrationWithSecret", "IntegrationHealth", "StripeCustomerPayments"]),
      );
      expect(doc.components.schemas.StripeRefundExecution).toBeUndefined();
    });

    it("without Stripe the refund is routed to the app's SDK; approving with actions: [] sends the reply and refunds nothing", async () => {
      const raw = JSON.stringify({
        type: "message.received",
        id: "refund-1",
        customer: { email: "ada@example.com", name: "Ada" },
        message: { text: "Hello, I would like a refund for the TypeScript course, it is not for me." },
      });
      const inbound = await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(inbound.status).toBe(200);
      const draft = await waitFor(async () => {
        const list = await (await jsonCall(p, "/api/v1/drafts?status=pending_approval")).json();
        return list.data.find((d: { text: string }) => d.text.length > 0);
      }, "a pending draft");
      expect(draft.actions).toEqual([
        expect.objectContaining({
          id: "a1",
          action: "refund",
          input: expect.objectContaining({ purchaseId: "pur_course", amount: 9900 }),
          via: "app",
        }),
      ]);

      const unknown = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, {
        method: "POST",
        body: { actions: ["a9"] },
      });
      expect(unknown.status).toBe(400);
      const approved = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, {
        method: "POST",
        body: { actions: [] },
      });
      expect(approved.status).toBe(200);
      const sent = await waitFor(async () => {
        const after = await (await jsonCall(p, `/api/v1/drafts/${draft.id}`)).json();
        return after.status === "sent" ? after : undefined;
      }, "the reply sent");
      expect(sent).toMatchObject({ actions: [{ id: "a1", approved: false }], executions: [] });
      expect(sent.sentText).not.toContain("refunded");
      expect(sample.store.refunds).toEqual([]);
    });
  });
}
