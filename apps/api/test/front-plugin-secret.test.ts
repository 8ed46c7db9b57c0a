import { findInDatabase } from "@support/product/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const ATTACKER = "203.0.113.7";
const TEAM = "198.51.100.9";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] Front plugin secret on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(
    `the Front plugin's secret on ${dialect.name}`,
    { timeout: 60_000 },
    () => {
      let p: TestProduct;
      let orgSlug: string;
      const agentEmail = `agent-${Math.random().toString(36).slice(2, 8)}@example.com`;
      let agentUserId: string;

      /** A call as the plugin page makes it, from `address` (the proxy's last hop: TRUST_PROXY is on). */
      const plugin = (secret: string, address: string, org = orgSlug) =>
        p.api.request("/front-plugin/api/me", {
          headers: {
            "x-front-plugin-org": org,
            "x-front-plugin-secret": secret,
            "x-front-teammate": agentEmail,
            "x-forwarded-for": address,
          },
        });

      beforeAll(async () => {
        p = await openTestProduct({ ...dialect.env, TRUST_PROXY: "true" });
        const db = p.runtime.database;
        orgSlug = (await db.q.select().from(db.t.organizations)).find((o) => o.id === p.orgId)?.slug ?? "";
        const auth = await p.runtime.auth();
        const { user } = await auth.api.signUpEmail({
          body: { email: agentEmail, password: "correct horse battery", name: "Agent" },
        });
        agentUserId = user.id;
        await auth.api.addMember({ body: { userId: user.id, organizationId: p.orgId, role: "agent" } });
      }, 60_000);
      afterAll(async () => p.runtime.database.close());

      it("rotates to a generated secret shown once in the URL to register; the previous one stops working", async () => {
        const pasted = "secret-pasted-from-front-0123";
        expect((await jsonCall(p, "/api/v1/front-plugin", { method: "PUT", body: { secret: pasted } })).status).toBe(
          200,
        );
        expect((await plugin(pasted, TEAM)).status).toBe(200);
        const agentKey = (
          await (await jsonCall(p, "/api/v1/keys", { method: "POST", body: { name: "a", role: "agent" } })).json()
        ).token as string;
        const asAgent = await jsonCall(p, "/api/v1/front-plugin/secret/rotate", { method: "POST", key: agentKey });
        expect(asAgent.status).toBe(403);

        const rotated = await jsonCall(p, "/api/v1/front-plugin/secret/rotate", { method: "POST" });
        expect(rotated.status).toBe(200);
        const { secret, pluginUrl } = (await rotated.json()) as { secret: string; pluginUrl: string };
        expect(secret).toMatch(/^fps_[A-Za-z0-9_-]{40,}$/);
        const url = new URL(pluginUrl);
        expect(url.pathname).toBe("/front-plugin/");
        expect(Object.fromEntries(url.searchParams)).toEqual({ org: orgSlug, key: secret });
        expect(await findInDatabase(p.runtime, [secret])).toEqual([]);

        expect((await plugin(secret, TEAM)).status).toBe(200);
        expect((await plugin(pasted, TEAM)).status).toBe(401);

        // Shown once: the registration names the URL without the secret, and who each teammate acts as.
        const shown = await jsonCall(p, "/api/v1/front-plugin", { key: agentKey });
        const text = await shown.text();
        expect(text).not.toContain(secret);
        const view = JSON.parse(text);
        expect(view).toMatchObject({ configured: true, pluginUrl: `${url.origin}/front-plugin/?org=${orgSlug}` });
        expect(view.teammates).toContainEqual({ email: agentEmail, role: "agent", actor: `user:${agentUserId}` });
        const audit = await (await jsonCall(p, "/api/v1/audit?limit=20")).json();
        expect(audit.data.map((a: { action: string }) => a.action)).toContain("front_plugin.secret_rotated");
      });

      it("answers 429 with Retry-After after ten failed authentications from one address for one organization", async () => {
        const { secret } = (await (
          await jsonCall(p, "/api/v1/front-plugin/secret/rotate", { method: "POST" })
        ).json()) as {
          secret: string;
        };
        // Successes spend nothing: a team behind one address is never slowed down.
        for (let i = 0; i < 12; i++) expect((await plugin(secret, ATTACKER)).status).toBe(200);
        for (let i = 0; i < 10; i++) expect((await plugin(`guess-${i}-0123456789abcdef`, ATTACKER)).status).toBe(401);
        const limited = await plugin("guess-10-0123456789abcdef", ATTACKER);
        expect(limited.status).toBe(429);
        expect(limited.headers.get("content-type")).toContain("application/problem+json");
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(await limited.json()).toMatchObject({ status: 429, code: "rate_limited" });
        // Refused before the secret is looked at: even the right one waits at that address.
        expect((await plugin(secret, ATTACKER)).status).toBe(429);
        // Another address, or another organization's slug from the same address, has its own budget.
        expect((await plugin(secret, TEAM)).status).toBe(200);
        expect((await plugin(secret, ATTACKER, "another-org")).status).toBe(401);
        expect(p.runtime.counters.get("front_plugin_rate_limited_total", {})).toBeGreaterThanOrEqual(2);
      });
    },
  );
}
