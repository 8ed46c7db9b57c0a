import { apiKeyFor } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] signing keys API on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`webhook signing key rotation API on ${dialect.name}`, () => {
    let p: TestProduct;
    let agentKey: string;
    let adminKey: string;
    let sent = 0;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Keys");
      agentKey = await apiKeyFor(p.runtime, p.orgId, "agent", "agent");
      adminKey = await apiKeyFor(p.runtime, p.orgId, "admin", "admin");
    });
    afterAll(async () => p.runtime.database.close());

    /** Posts a generic webhook signed with exactly these secrets; answers the status. */
    const deliver = async (secrets: string[]) => {
      sent++;
      const raw = JSON.stringify({
        type: "message.received",
        id: `rotation-${sent}`,
        customer: { email: "ada@example.com" },
        message: { text: `message ${sent}` },
      });
      const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, secrets) },
        body: raw,
      });
      return res.status;
    };
    const path = (p: TestProduct, rest = "") => `/api/v1/apps/${p.appId}/signing-keys${rest}`;

    it("rotates with an overlap: old and new secrets both verify until the old one is removed", async () => {
      const before = await (await jsonCall(p, path(p), { key: agentKey })).json();
      expect(before.keys.map((k: { version: number }) => k.version)).toEqual([1]);

      const res = await jsonCall(p, path(p, "/rotate"), { method: "POST", key: adminKey });
      expect(res.status).toBe(200);
      const rotated = await res.json();
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.keys.map((k: { version: number }) => k.version)).toEqual([2, 1]);
      // The secret is shown once: the list never carries it.
      expect(JSON.stringify(await (await jsonCall(p, path(p))).json())).not.toContain(rotated.secret);

      expect(await deliver([p.signingSecret])).toBe(200);
      expect(await deliver([rotated.secret])).toBe(200);

      const removed = await jsonCall(p, path(p, "/old"), { method: "DELETE" });
      expect(removed.status).toBe(200);
      expect((await removed.json()).keys.map((k: { version: number }) => k.version)).toEqual([2]);
      expect(await deliver([p.signingSecret])).toBe(401);
      expect(await deliver([rotated.secret])).toBe(200);
    });

    it("lets agents see the keys but only admins and owners rotate or remove", async () => {
      expect((await jsonCall(p, path(p, "/rotate"), { method: "POST", key: agentKey })).status).toBe(403);
      expect((await jsonCall(p, path(p, "/old"), { method: "DELETE", key: agentKey })).status).toBe(403);
      expect((await jsonCall(p, path(p), { key: agentKey })).status).toBe(200);
      expect((await jsonCall(p, "/api/v1/apps/nope/signing-keys/rotate", { method: "POST" })).status).toBe(404);
    });

    it("records rotations in the audit log", async () => {
      const audit = await (await jsonCall(p, "/api/v1/audit?limit=100")).json();
      const actions = audit.data.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["signing_key.rotated", "signing_key.old_removed"]));
    });
  });
}
