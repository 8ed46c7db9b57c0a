import { apiKeyFor } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const STUDIO = {
  categories: [
    {
      name: "MODELISATION",
      description: "A request to model an object in 3D from photos, plans or dimensions.",
      examples: ["Je voudrais modéliser une chaise", "I need a 3D model of a lamp"],
      signals: [".stl", ".obj", "modéliser", "3d"],
    },
    {
      name: "SUPPORT",
      description: "Questions about an existing order, the credits, the account or an invoice.",
      examples: ["Je n'arrive pas à télécharger mon fichier", "Where is my invoice?"],
    },
  ],
  threshold: 0.7,
  fallbackCategory: "SUPPORT",
};

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] categories API on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`an app's own categories on ${dialect.name}`, () => {
    let p: TestProduct;
    let agentKey: string;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Studio");
      agentKey = await apiKeyFor(p.runtime, p.orgId, "agent", "agent");
    }, 60_000);
    afterAll(async () => p.runtime.database.close());
    const path = () => `/api/v1/apps/${p.appId}/categories`;

    /** A signed generic webhook; answers the conversation id. */
    const send = async (id: string, text: string, attachments: { name: string; contentType: string }[] = []) => {
      const raw = JSON.stringify({
        type: "message.received",
        id,
        customer: { email: `${id}@example.com` },
        message: { text, attachments },
      });
      const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
      // Each message opens its own conversation, the newest listed first.
      const list = await (await jsonCall(p, "/api/v1/conversations?limit=1")).json();
      return list.data[0].id as string;
    };
    const triageOf = async (conversation: string) => {
      const replay = await (
        await jsonCall(p, `/api/v1/conversations/${conversation}/replay`, { method: "POST" })
      ).json();
      return replay.steps.find((s: { step: string }) => s.step === "triage").output;
    };

    it("starts on the built-in categories", async () => {
      const shown = await (await jsonCall(p, path(), { key: agentKey })).json();
      expect(shown).toMatchObject({ custom: false, threshold: 0, fallbackCategory: null, updatedAt: null });
      expect(shown.categories.map((c: { name: string }) => c.name)).toContain("billing");
    });

    it("refuses a bad set with the field and the reason, and keeps nothing of it", async () => {
      const res = await jsonCall(p, path(), {
        method: "PUT",
        body: { ...STUDIO, fallbackCategory: "SALES", categories: [STUDIO.categories[0], STUDIO.categories[0]] },
      });
      expect(res.status).toBe(400);
      const problem = await res.json();
      expect(problem.code).toBe("invalid_input");
      expect(problem.detail).toContain('categories.1.name: "MODELISATION" is listed twice');
      expect(problem.detail).toContain('fallbackCategory: "SALES" is not one of the categories');
      expect((await (await jsonCall(p, path())).json()).custom).toBe(false);
    });

    it("lets only admins change them", async () => {
      expect((await jsonCall(p, path(), { method: "PUT", key: agentKey, body: STUDIO })).status).toBe(403);
      expect((await jsonCall(p, path(), { method: "DELETE", key: agentKey })).status).toBe(403);
    });

    it("triage uses them: signal words, attachment extensions, and the fallback below the threshold", async () => {
      const saved = await jsonCall(p, path(), { method: "PUT", body: STUDIO });
      expect(saved.status).toBe(200);
      expect(await saved.json()).toMatchObject({ custom: true, threshold: 0.7, fallbackCategory: "SUPPORT" });

      const chair = await triageOf(await send("chair", "Bonjour, je voudrais modéliser une chaise"));
      expect(chair).toMatchObject({ category: "MODELISATION" });
      const file = await triageOf(
        await send("file", "Voici le fichier", [{ name: "lampe.stl", contentType: "model/stl" }]),
      );
      expect(file).toMatchObject({ category: "MODELISATION" });
      expect(file.reasons).toContain("keyword intent MODELISATION");
      const vague = await triageOf(await send("vague", "Bonjour"));
      expect(vague.category).toBe("SUPPORT");
      expect(vague.reasons.at(-1)).toMatch(/below the app's threshold 0\.70: fallback SUPPORT/);
    });

    it("resets to the built-in set, and records every change in the audit log", async () => {
      const reset = await jsonCall(p, path(), { method: "DELETE" });
      expect((await reset.json()).custom).toBe(false);
      const audit = await (await jsonCall(p, "/api/v1/audit?limit=100")).json();
      const actions = audit.data.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["triage.categories_set", "triage.categories_reset"]));
    });
  });
}
