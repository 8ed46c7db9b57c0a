import { addHumanOwner, OPERATOR, warnOwnersAboutQuotas } from "@support/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/**
 * Quota warnings (ADR 0133): with billing on, the trial's one app is its whole quota, so the
 * owners get one "quota reached" mail for apps (not an 80 % one as well), and checking again
 * in the same period mails nothing more.
 */
for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] quota warnings on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`quota warning mails on ${dialect.name}`, { timeout: 60_000 }, () => {
    let p: TestProduct;
    beforeAll(async () => {
      p = await openTestProduct({
        ...dialect.env,
        STRIPE_SECRET_KEY: "sk_test_platform",
        STRIPE_BILLING_WEBHOOK_SECRET: "whsec_warning_test",
      });
      await addHumanOwner(p.runtime.platform, await p.runtime.auth(), {
        orgId: p.orgId,
        orgName: "Acme",
        email: "owner@example.com",
      });
    });
    afterAll(async () => p.runtime.stop());

    it("mails the owners once per quota and threshold in a period", async () => {
      const ctx = p.runtime.contextFor(p.orgId, OPERATOR);
      await expect(warnOwnersAboutQuotas(ctx)).resolves.toEqual([{ quota: "apps", threshold: 100 }]);
      await expect(warnOwnersAboutQuotas(ctx)).resolves.toEqual([]);
      const mailbox = await (await jsonCall(p, "/api/v1/outbox/mails")).json();
      const mails = mailbox.data.filter((m: { kind: string }) => m.kind === "quota_warning");
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ recipient: "owner@example.com", subject: "Quota reached: apps" });
      expect(mails[0]?.text).toContain("uses 1 of the 1 apps of the Free trial plan");
    });
  });
}
