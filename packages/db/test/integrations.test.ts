import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  claimExecution,
  createApp,
  createOrganization,
  type Database,
  finishExecution,
  getIntegration,
  listExecutionsForDraft,
  saveIntegration,
} from "../src/index.js";
import { dialectCases } from "./harness.js";

for (const dialect of dialectCases) {
  if (dialect.skipReason) console.warn(`[skip] ${dialect.name} integrations suite: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`integrations and action executions on ${dialect.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await dialect.open();
    });
    afterAll(async () => {
      await database?.close();
    });
    const unique = () => Math.random().toString(36).slice(2, 10);

    async function orgWithApp() {
      const org = await createOrganization(database.db, { name: "I", slug: `i-${unique()}` });
      const app = await createApp(database.db, org.id, { slug: "shop", name: "Shop" });
      return { org, app };
    }

    it("keeps one integration per app and updates it in place", async () => {
      const { db } = database;
      const { org, app } = await orgWithApp();
      await saveIntegration(db, org.id, app.id, { url: "http://a.test/support", secretsCiphertext: "x" });
      await saveIntegration(db, org.id, app.id, { url: "http://b.test/support", policy: { refundMaxAmount: 5000 } });
      const row = await getIntegration(db, org.id, app.id);
      expect(row).toMatchObject({
        url: "http://b.test/support",
        secretsCiphertext: "x",
        policy: { refundMaxAmount: 5000 },
      });
      const other = await orgWithApp();
      expect(await getIntegration(db, other.org.id, app.id)).toBeUndefined();
    });

    it("lets exactly one of concurrent claims on a key win", async () => {
      const { db } = database;
      const { org, app } = await orgWithApp();
      const claim = () =>
        claimExecution(db, org.id, {
          appId: app.id,
          draftId: "drf_1",
          action: "refund",
          input: { purchaseId: "p1" },
          idempotencyKey: "cnv_1:refund:abc",
        });
      const results = await Promise.all([claim(), claim(), claim()]);
      expect(results.filter((r) => r.claimed)).toHaveLength(1);
      const winner = results.find((r) => r.claimed)?.execution;
      await finishExecution(db, org.id, winner?.id ?? "", { status: "succeeded", result: { refundId: "r1" } });
      const rows = await listExecutionsForDraft(db, org.id, "drf_1");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: "succeeded", result: { refundId: "r1" } });
      const again = await claim();
      expect(again).toMatchObject({ claimed: false, execution: { status: "succeeded" } });
    });
  });
}
