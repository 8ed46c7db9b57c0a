import { apiKeyFor } from "@support/product/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] procedures API on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`procedures API on ${dialect.name}`, () => {
    let p: TestProduct;
    let agentKey: string;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Studio");
      agentKey = await apiKeyFor(p.runtime, p.orgId, "agent", "agent");
    }, 60_000);
    afterAll(async () => p.runtime.database.close());
    const path = (rest = "") => `/api/v1/apps/${p.appId}/procedures${rest}`;

    it("installs the built-in 3d-intake template, then lists and shows it", async () => {
      const res = await jsonCall(p, path(), { method: "POST", body: { template: "3d-intake" } });
      expect(res.status).toBe(201);
      const saved = await res.json();
      expect(saved).toMatchObject({ key: "3d-intake", version: 1, triggerCategory: "MODELISATION" });
      expect(saved.definition.steps.map((s: { kind: string }) => s.kind)).toContain("interpret_reply");
      const list = await (await jsonCall(p, path(), { key: agentKey })).json();
      expect(list.data).toEqual([expect.objectContaining({ key: "3d-intake", version: 1 })]);
      expect(list.data[0].definition).toBeUndefined();
      const shown = await (await jsonCall(p, path("/3d-intake"), { key: agentKey })).json();
      expect(shown.definition.quote.rules).toHaveLength(3);
    });

    it("answers a bad definition with 400 naming each field and reason", async () => {
      const shown = await (await jsonCall(p, path("/3d-intake"))).json();
      const definition = {
        ...shown.definition,
        steps: [...shown.definition.steps, { id: "x", kind: "notify", template: "nope" }],
      };
      const res = await jsonCall(p, path(), { method: "POST", body: { definition } });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const problem = await res.json();
      expect(problem.code).toBe("invalid_input");
      expect(problem.detail).toBe('definition.steps.11.template: no template "nope"');
      const neither = await jsonCall(p, path(), { method: "POST", body: {} });
      expect(neither.status).toBe(400);
      expect((await neither.json()).detail).toContain("give either a definition or a template");
    });

    it("versions every save, keeps old versions readable, and removes on DELETE (admins only)", async () => {
      const shown = await (await jsonCall(p, path("/3d-intake"))).json();
      const res = await jsonCall(p, path(), {
        method: "POST",
        body: { definition: { ...shown.definition, name: "Intake v2" } },
      });
      expect((await res.json()).version).toBe(2);
      expect((await (await jsonCall(p, path("/3d-intake?version=1"))).json()).name).toBe("3D modelling request");
      expect(
        (await jsonCall(p, path(), { method: "POST", key: agentKey, body: { template: "3d-intake" } })).status,
      ).toBe(403);
      expect((await jsonCall(p, path("/3d-intake"), { method: "DELETE", key: agentKey })).status).toBe(403);
      const removed = await jsonCall(p, path("/3d-intake"), { method: "DELETE" });
      expect(removed.status).toBe(200);
      expect((await removed.json()).version).toBe(2);
      expect((await jsonCall(p, path("/3d-intake"))).status).toBe(404);
      expect((await (await jsonCall(p, path())).json()).data).toEqual([]);
    });

    it("tests a stored version over a transcript in shadow mode, and refuses a bad transcript", async () => {
      const body = {
        version: 1,
        transcript: {
          customer: { email: "ada@example.com" },
          messages: [{ text: "Bonjour, je voudrais modéliser une chaise" }],
        },
      };
      const res = await jsonCall(p, path("/3d-intake/test"), { method: "POST", key: agentKey, body });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ procedure: { version: 1 }, outcome: "waiting", language: "fr" });
      const bad = await jsonCall(p, path("/3d-intake/test"), {
        method: "POST",
        body: { transcript: { customer: { email: "nope" }, messages: [] } },
      });
      expect(bad.status).toBe(400);
      const detail = (await bad.json()).detail;
      expect(detail).toContain("transcript.customer.email");
      expect(detail).toContain("transcript.messages");
    });

    it("documents the routes in /openapi.json", async () => {
      const doc = await (await p.api.request("/openapi.json")).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/api/v1/apps/{app}/procedures",
          "/api/v1/apps/{app}/procedures/{key}",
          "/api/v1/apps/{app}/categories",
        ]),
      );
    });
  });
}
