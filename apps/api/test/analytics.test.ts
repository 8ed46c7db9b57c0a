import { apiKeyFor } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { zendeskSign } from "./vendor-payloads.js";
import { post } from "./webhook-helpers.js";

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const today = () => new Date().toISOString().slice(0, 10);

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] analytics API on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`analytics and trust history API on ${dialect.name}`, () => {
    let p: TestProduct;
    let agentKey: string;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Metrics", { pipeline: true });
      agentKey = await apiKeyFor(p.runtime, p.orgId, "agent", "agent");
      const raw = JSON.stringify({
        type: "message.received",
        id: "metrics-1",
        customer: { email: "ada@example.com", name: "Ada" },
        message: { text: "Hello, can you tell me when my order ships?" },
      });
      const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
      // No knowledge: the offline drafter declines, and a person writes the whole reply.
      const draft = await waitFor(async () => {
        const list = await (await jsonCall(p, "/api/v1/drafts?status=declined")).json();
        return list.data[0] as { id: string } | undefined;
      }, "a declined draft");
      const approve = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, {
        method: "POST",
        body: { text: "It ships tomorrow morning; you will get a tracking link by email." },
      });
      expect(approve.status).toBe(200);
      await waitFor(async () => {
        const d = await (await jsonCall(p, `/api/v1/drafts/${draft.id}`)).json();
        return d.status === "sent" ? d : undefined;
      }, "the reply to be sent");
    });
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
    });

    it("reports today's conversation, the human-written reply and each metric's definition", async () => {
      const res = await jsonCall(p, `/api/v1/analytics?app=${p.appId}&from=${today()}&to=${today()}`, {
        key: agentKey,
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.range).toEqual({ from: today(), to: today(), bucket: "day", app: p.appId });
      expect(body.totals).toMatchObject({
        conversations: 1,
        byChannel: { generic: 1 },
        responded: 1,
        drafts: 1,
        autoSent: 0,
        humanDecided: 1,
        approved: 1,
        approvalRate: 1,
        rewritten: 1,
        deflected: 0,
        deflectionRate: 0,
      });
      expect(body.totals.firstResponseAvgMs).toBeGreaterThanOrEqual(0);
      expect(body.buckets).toHaveLength(1);
      expect(Object.keys(body.definitions)).toEqual([
        "volume",
        "firstResponse",
        "resolution",
        "approvalRate",
        "editRate",
        "autoSendRate",
        "deflection",
        "csat",
      ]);
      expect(body.definitions.deflection.definition).toMatch(/without a human writing or editing/);
    });

    it("defaults to the last 30 days by day, and buckets by week on request", async () => {
      const byDay = await (await jsonCall(p, "/api/v1/analytics")).json();
      expect(byDay.buckets).toHaveLength(30);
      expect(byDay.range.to).toBe(today());
      expect(byDay.totals.conversations).toBe(1);
      const byWeek = await (await jsonCall(p, "/api/v1/analytics?bucket=week")).json();
      expect(byWeek.buckets.length).toBeGreaterThanOrEqual(5);
      expect(byWeek.totals).toEqual(byDay.totals);
    });

    it("answers problem+json for a bad bucket, a reversed or too long range, an unknown app and no key", async () => {
      for (const [query, status] of [
        ["bucket=month", 400],
        ["from=2026-03-10&to=2026-03-01", 400],
        ["from=2020-01-01&to=2026-01-01", 400],
        ["from=yesterday", 400],
        ["app=nope", 404],
      ] as const) {
        const res = await jsonCall(p, `/api/v1/analytics?${query}`);
        expect(res.status, query).toBe(status);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }
      expect((await p.api.request("/api/v1/analytics")).status).toBe(401);
    });

    it("draws trust per category day by day, with sample counts and the app's threshold", async () => {
      const res = await jsonCall(p, `/api/v1/apps/${p.appId}/trust/history?from=${today()}&to=${today()}`);
      expect(res.status).toBe(200);
      const history = await res.json();
      const trust = (await (await jsonCall(p, `/api/v1/apps/${p.appId}/trust`)).json()).data;
      expect(history.threshold).toBe(0.85);
      expect(history.points).toEqual([{ date: today(), category: trust[0].category, score: 0, samples: 1 }]);
      expect((await jsonCall(p, `/api/v1/apps/${p.appId}/trust/history?to=bad`)).status).toBe(400);
      expect((await jsonCall(p, "/api/v1/apps/nope/trust/history")).status).toBe(404);
    });

    it("counts a conversation as resolved when Zendesk solves it, and no longer once the customer writes again", async () => {
      const configured = await jsonCall(p, `/api/v1/apps/${p.appId}/channels/zendesk`, {
        method: "PUT",
        body: { secrets: { webhookSecret: "zendesk-secret" } },
      });
      expect(configured.status).toBe(200);
      const event = (id: string, type: string, detail: Record<string, string>) =>
        JSON.stringify({
          type: `zen:event-type:${type}`,
          account_id: 1,
          id,
          time: new Date().toISOString(),
          zendesk_event_version: "2022-11-06",
          subject: "zen:ticket:900",
          detail: { id: "900", ...detail },
          event: {},
        });
      const deliver = async (raw: string) =>
        expect((await post(p, `/webhooks/zendesk/${p.appId}`, raw, zendeskSign("zendesk-secret", raw))).status).toBe(
          200,
        );
      const resolved = async () =>
        (await (await jsonCall(p, `/api/v1/analytics?app=${p.appId}`)).json()).totals.resolved as number;
      const before = await resolved();
      await deliver(
        event("zd-resolve-1", "ticket.created", {
          subject: "Invoice",
          description: "Please send my invoice",
          requester_id: "77",
          status: "NEW",
        }),
      );
      await deliver(event("zd-resolve-2", "ticket.status_changed", { status: "SOLVED" }));
      expect(await resolved()).toBe(before + 1);
      await deliver(event("zd-resolve-3", "ticket.status_changed", { status: "OPEN" }));
      expect(await resolved()).toBe(before);
    });

    it("documents the routes and their schemas in the OpenAPI document", async () => {
      const doc = await (await p.api.request("/openapi.json")).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/api/v1/analytics",
          "/api/v1/apps/{app}/trust/history",
          "/api/v1/apps/{app}/signing-keys",
          "/api/v1/apps/{app}/signing-keys/rotate",
          "/api/v1/apps/{app}/signing-keys/old",
        ]),
      );
      expect(doc.components.schemas.Analytics.properties.definitions).toBeDefined();
      expect(doc.paths["/api/v1/analytics"].get.parameters.map((x: { name: string }) => x.name)).toEqual(
        expect.arrayContaining(["app", "from", "to", "bucket"]),
      );
    });
  });
}
