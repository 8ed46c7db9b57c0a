import { apiKeyFor, eventually } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/** What the dashboard's settings page sends when every field is filled in. */
const SETTINGS_PAGE = {
  language: "fr",
  tone: "chaleureux et bref",
  signature: "Léa, équipe Atelier",
  bannedPhrases: ["gratuit à vie", "garanti"],
  businessHours: { timezone: "Europe/Paris", weekly: { mon: [["09:00", "12:00"]], tue: [["14:00", "18:00"]] } },
  handoffNotice: true,
  outOfHoursMessage: { fr: "Nous rouvrons lundi à 9 h.", en: "We open again on Monday at 9." },
  debounceSeconds: 30,
  approvalSlaHours: 2,
  autonomyTier: "one_click",
};

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] app settings API on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`app settings and creation on ${dialect.name}`, () => {
    let p: TestProduct;
    let adminKey: string;
    beforeAll(async () => {
      // The pipeline processes knowledge sources (the signature test drafts from one).
      p = await openTestProduct(dialect.env, "Atelier", { pipeline: true });
      adminKey = await apiKeyFor(p.runtime, p.orgId, "admin", "admin");
    }, 60_000);
    afterAll(async () => p.runtime.database.close());

    it("shows a new app's signing secret once: it verifies that app's webhooks and is never returned again", async () => {
      const res = await jsonCall(p, "/api/v1/apps", { method: "POST", key: adminKey, body: { name: "Boutique" } });
      expect(res.status).toBe(201);
      const created = await res.json();
      expect(created.signingSecret).toMatch(/^whsec_/);

      const raw = JSON.stringify({
        type: "message.received",
        id: "first-message",
        customer: { email: "ada@example.com" },
        message: { text: "Bonjour" },
      });
      const deliver = (secret: string) =>
        p.api.request(`/webhooks/generic/${created.id}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [secret]) },
          body: raw,
        });
      expect((await deliver(p.signingSecret)).status).toBe(401);
      expect((await deliver(created.signingSecret)).status).toBe(200);

      for (const path of [
        `/api/v1/apps/${created.id}`,
        "/api/v1/apps",
        `/api/v1/apps/${created.id}/signing-keys`,
        "/api/v1/audit",
      ]) {
        expect(await (await jsonCall(p, path)).text()).not.toContain(created.signingSecret);
      }
    }, 60_000);

    it("saves every field of the settings page and keeps the rest", async () => {
      const res = await jsonCall(p, `/api/v1/apps/${p.appId}`, {
        method: "PATCH",
        key: adminKey,
        body: { settings: SETTINGS_PAGE },
      });
      expect(res.status).toBe(200);
      const saved = (await res.json()).settings;
      expect(saved).toMatchObject(SETTINGS_PAGE);
      expect(saved.trustThreshold).toBe(0.85);
      const read = await (await jsonCall(p, `/api/v1/apps/${p.appId}`)).json();
      expect(read.settings).toMatchObject(SETTINGS_PAGE);
    });

    it("refuses invalid fields with each field named, and changes nothing", async () => {
      const res = await jsonCall(p, `/api/v1/apps/${p.appId}`, {
        method: "PATCH",
        key: adminKey,
        body: {
          settings: {
            tone: "sec",
            debounceSeconds: 9000,
            businessHours: { timezone: "Mars/Olympus", weekly: { mon: [["18:00", "09:00"]] } },
            signature: "",
          },
        },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const problem = await res.json();
      expect(problem.code).toBe("invalid_input");
      const fields = problem.issues.map((i: { field: string }) => i.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          "settings.debounceSeconds",
          "settings.businessHours.timezone",
          "settings.businessHours.weekly.mon.0",
          "settings.signature",
        ]),
      );
      const read = await (await jsonCall(p, `/api/v1/apps/${p.appId}`)).json();
      expect(read.settings.tone).toBe(SETTINGS_PAGE.tone);
    });

    it("signs drafted replies with the app's signature, else with the team's", async () => {
      const send = async (id: string, text: string) => {
        const raw = JSON.stringify({
          type: "message.received",
          id,
          customer: { email: `${id}@example.com` },
          message: { text },
        });
        const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
          body: raw,
        });
        expect(res.status).toBe(200);
        const list = await (await jsonCall(p, "/api/v1/conversations?limit=1")).json();
        return list.data[0].id as string;
      };
      const draftOf = async (conversation: string) => {
        const replay = await (
          await jsonCall(p, `/api/v1/conversations/${conversation}/replay`, { method: "POST" })
        ).json();
        return JSON.stringify(replay.steps.find((s: { step: string }) => s.step === "draft").output);
      };
      const source = await (
        await jsonCall(p, "/api/v1/knowledge/sources", {
          method: "POST",
          key: adminKey,
          body: {
            app: p.appId,
            title: "Mot de passe",
            body: "Pour changer votre mot de passe, ouvrez Paramètres puis Sécurité et choisissez Nouveau mot de passe.",
          },
        })
      ).json();
      await eventually(
        async () => (await (await jsonCall(p, `/api/v1/knowledge/sources/${source.id}`)).json()).status,
        (status) => status === "ready",
        "the knowledge source to be indexed",
        30_000,
      );
      const conversation = await send("signed-1", "Bonjour, comment puis-je changer mon mot de passe ?");
      expect(await draftOf(conversation)).toContain("Léa, équipe Atelier");
      await jsonCall(p, `/api/v1/apps/${p.appId}`, {
        method: "PATCH",
        key: adminKey,
        body: { settings: { signature: null } },
      });
      expect(await draftOf(conversation)).not.toContain("Léa, équipe Atelier");
    }, 60_000);
  });
}
