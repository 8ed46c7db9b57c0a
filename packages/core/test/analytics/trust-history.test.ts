import type { Database } from "@support/db";
import { TRUST_HALF_LIFE_DAYS } from "@support/decisions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trustHistory } from "../../src/analytics/index.js";
import { trustForApp } from "../../src/review/trust-report.js";
import type { ServiceContext } from "../../src/service/context.js";
import { dialects } from "../dialects.js";
import { testContext, testPlatform } from "../harness.js";
import { at, outcome, tenant } from "./seed.js";

const DAY = 86_400_000;
const weight = (ageMs: number) => 0.5 ** (ageMs / DAY / TRUST_HALF_LIFE_DAYS);

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`trust history on ${dialect.name}`, () => {
    let database: Database;
    let shop: { orgId: string; appId: string };
    let ctx: ServiceContext;

    beforeAll(async () => {
      database = await dialect.open();
      shop = await tenant(database.db, "Trust");
      ctx = testContext(testPlatform(database), shop.orgId, "agent");
      const other = await tenant(database.db, "Other");
      await outcome(database.db, shop, { category: "billing", outcome: "unchanged", at: at("2026-03-01T10:00:00") });
      await outcome(database.db, shop, { category: "billing", outcome: "rejected", at: at("2026-03-03T10:00:00") });
      await outcome(database.db, shop, { category: "shipping", outcome: "edited", at: at("2026-03-02T18:00:00") });
      await outcome(database.db, shop, { category: "refund", outcome: "superseded", at: at("2026-03-02T18:00:00") });
      await outcome(database.db, other, { category: "billing", outcome: "rejected", at: at("2026-03-01T11:00:00") });
    });
    afterAll(async () => database?.close());

    it("evaluates the decayed trust of each category at the end of each day, from that day's outcomes", async () => {
      const now = at("2026-03-20T12:00:00");
      const history = await trustHistory(ctx, "shop", { from: "2026-03-01", to: "2026-03-04" }, now);
      expect(history.range).toEqual({ from: "2026-03-01", to: "2026-03-04" });
      expect(history.categories).toEqual(["billing", "refund", "shipping"]);
      expect(history.threshold).toBe(0.85);
      const billing = history.points.filter((p) => p.category === "billing");
      const endOfMarch3 = at("2026-03-04T00:00:00").getTime();
      const unchangedWeight = weight(endOfMarch3 - at("2026-03-01T10:00:00").getTime());
      const rejectedWeight = weight(endOfMarch3 - at("2026-03-03T10:00:00").getTime());
      expect(billing.map((p) => [p.date, p.samples])).toEqual([
        ["2026-03-01", 1],
        ["2026-03-02", 1],
        ["2026-03-03", 2],
        ["2026-03-04", 2],
      ]);
      expect(billing[0]?.score).toBe(1);
      expect(billing[2]?.score).toBeCloseTo(unchangedWeight / (unchangedWeight + rejectedWeight), 12);
      // Shipping has no outcome before the end of March 1st: no point, not a zero.
      expect(history.points.filter((p) => p.category === "shipping").map((p) => [p.date, p.score])).toEqual([
        ["2026-03-02", 0.5],
        ["2026-03-03", 0.5],
        ["2026-03-04", 0.5],
      ]);
      // Superseded outcomes say nothing about quality: no score, no samples.
      expect(history.points.find((p) => p.category === "refund")).toEqual({
        date: "2026-03-02",
        category: "refund",
        score: null,
        samples: 0,
      });
    });

    it("ends today at the current moment, where it agrees with the trust the decisions use", async () => {
      const now = at("2026-03-05T06:00:00");
      const history = await trustHistory(ctx, "shop", { from: "2026-03-01", to: "2026-03-05" }, now);
      const today = history.points.filter((p) => p.date === "2026-03-05");
      const current = await trustForApp(ctx, "shop", now);
      expect(today).toEqual(current.map((c) => ({ date: "2026-03-05", ...c })));
    });

    it("draws nothing after now, and refuses an unknown app", async () => {
      const now = at("2026-03-02T06:00:00");
      const history = await trustHistory(ctx, "shop", { from: "2026-03-01", to: "2026-03-10" }, now);
      expect([...new Set(history.points.map((p) => p.date))]).toEqual(["2026-03-01", "2026-03-02"]);
      await expect(trustHistory(ctx, "nope", {}, now)).rejects.toMatchObject({ code: "not_found" });
    });
  });
}
