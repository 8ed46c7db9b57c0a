import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@support/product/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/** The default catalogue with a trial of two knowledge pages (its apps and channels as they are: 1 and 2). */
function plansFile(): string {
  const plans = loadConfig({}).plans.map((p) => (p.trial ? { ...p, quotas: { ...p.quotas, knowledgePages: 2 } } : p));
  const file = join(mkdtempSync(join(tmpdir(), "plans-")), "plans.json");
  writeFileSync(file, JSON.stringify(plans));
  return file;
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] plan quotas on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`plan quotas enforced at creation on ${dialect.name}`, () => {
    let p: TestProduct;
    beforeAll(async () => {
      p = await openTestProduct({
        ...dialect.env,
        STRIPE_SECRET_KEY: "sk_test_platform",
        STRIPE_BILLING_WEBHOOK_SECRET: "whsec_quota_test",
        BILLING_PLANS_FILE: plansFile(),
      });
    }, 60_000);
    afterAll(async () => p.runtime.database.close());

    /** A refusal is a 402 problem naming the quota, its limit and what is used. */
    const expectQuota = async (res: Response, quota: string, limit: number) => {
      expect(res.status).toBe(402);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const problem = await res.json();
      expect(problem).toMatchObject({ code: "quota_exceeded", quota, limit, used: limit });
      expect(problem.detail).toContain("Free trial");
    };

    it("refuses a second app on the trial (one app)", async () => {
      await expectQuota(await jsonCall(p, "/api/v1/apps", { method: "POST", body: { name: "Second" } }), "apps", 1);
      const apps = await (await jsonCall(p, "/api/v1/apps")).json();
      expect(apps.data).toHaveLength(1);
    });

    it("refuses a third channel, while changing a configured one still works", async () => {
      const set = (kind: string, secrets: Record<string, string>) =>
        jsonCall(p, `/api/v1/apps/${p.appId}/channels/${kind}`, { method: "PUT", body: { secrets } });
      expect((await set("zendesk", { webhookSecret: "zendesk-secret-1" })).status).toBe(200);
      expect((await set("front", { appSecret: "front-secret-1" })).status).toBe(200);
      await expectQuota(await set("whatsapp", { appSecret: "whatsapp-secret-1" }), "channels", 2);
      expect((await set("zendesk", { webhookSecret: "zendesk-secret-2" })).status).toBe(200);
    });

    it("refuses knowledge beyond the plan's pages", async () => {
      const add = (title: string) =>
        jsonCall(p, "/api/v1/knowledge/sources", {
          method: "POST",
          body: { app: p.appId, title, body: `# ${title}\n\nText.` },
        });
      expect((await add("One")).status).toBe(202);
      expect((await add("Two")).status).toBe(202);
      await expectQuota(await add("Three"), "knowledgePages", 2);
    });

    it("refuses nothing with billing off", async () => {
      const free = await openTestProduct(dialect.env, "Unlimited");
      try {
        expect((await jsonCall(free, "/api/v1/apps", { method: "POST", body: { name: "Second" } })).status).toBe(201);
      } finally {
        await free.runtime.database.close();
      }
    });
  });
}
