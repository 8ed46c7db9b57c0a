import { createApp, type Database } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyticsReport } from "../../src/analytics/index.js";
import type { ServiceContext } from "../../src/service/context.js";
import { dialects } from "../dialects.js";
import { testContext, testPlatform } from "../harness.js";
import { at, conversation, draft, message, tenant } from "./seed.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const now = at("2026-03-20T12:00:00");
const range = { from: "2026-03-01", to: "2026-03-14" };

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`analytics report on ${dialect.name}`, () => {
    let database: Database;
    let shop: { orgId: string; appId: string };
    // Any member reads analytics: the suite reads as an agent.
    let ctx: ServiceContext;

    beforeAll(async () => {
      database = await dialect.open();
      const db = database.db;
      shop = await tenant(db, "Analytics");
      ctx = testContext(testPlatform(database), shop.orgId, "agent");
      const other = await tenant(db, "Elsewhere");

      // c1: auto-sent answer after 5 minutes, then silence: resolved by that reply, deflected.
      const c1 = await conversation(db, shop, { channel: "zendesk", createdAt: at("2026-03-02T10:00:00") });
      await message(db, c1, "inbound", at("2026-03-02T10:00:00"));
      await draft(db, c1, { category: "shipping", status: "auto_sent", createdAt: at("2026-03-02T10:01:00") });
      await message(db, c1, "outbound", at("2026-03-02T10:05:00"));

      // c2: an edited draft after an hour; the customer wrote again; closed two days in.
      const c2 = await conversation(db, shop, {
        channel: "email",
        createdAt: at("2026-03-02T12:00:00"),
        closedAt: at("2026-03-04T12:00:00"),
      });
      await message(db, c2, "inbound", at("2026-03-02T12:00:00"));
      await draft(db, c2, {
        category: "billing",
        status: "sent",
        decidedBy: "usr_ann",
        outcome: "edited",
        createdAt: at("2026-03-02T12:01:00"),
      });
      await message(db, c2, "outbound", at("2026-03-02T13:00:00"));
      await message(db, c2, "inbound", at("2026-03-03T09:00:00"));

      // c3: draft rejected, a teammate answered in the channel after an hour; triage escalated a later one.
      const c3 = await conversation(db, shop, { channel: "zendesk", createdAt: at("2026-03-05T08:00:00") });
      await message(db, c3, "inbound", at("2026-03-05T08:00:00"));
      await draft(db, c3, {
        category: "billing",
        status: "rejected",
        decidedBy: "usr_ann",
        outcome: "rejected",
        createdAt: at("2026-03-05T08:01:00"),
      });
      await message(db, c3, "outbound", at("2026-03-05T09:00:00"), "agent");
      await draft(db, c3, {
        category: "refund",
        status: "escalated",
        decidedBy: "triage",
        createdAt: at("2026-03-05T09:30:00"),
      });

      // c4: nobody answered and no draft was made; the handoff notice ("a person will answer") is no answer.
      const c4 = await conversation(db, shop, { channel: "zendesk", createdAt: at("2026-03-05T09:00:00") });
      await message(db, c4, "inbound", at("2026-03-05T09:00:00"));
      await message(db, c4, "outbound", at("2026-03-05T09:01:00"), "system");

      // c5: approved unchanged after 30 minutes (deflected); a later draft escalated by a person.
      const c5 = await conversation(db, shop, { channel: "zendesk", createdAt: at("2026-03-06T10:00:00") });
      await message(db, c5, "inbound", at("2026-03-06T10:00:00"));
      await draft(db, c5, {
        category: "shipping",
        status: "sent",
        decidedBy: "usr_ann",
        outcome: "unchanged",
        createdAt: at("2026-03-06T10:01:00"),
      });
      await message(db, c5, "outbound", at("2026-03-06T10:30:00"));
      await draft(db, c5, {
        category: "shipping",
        status: "escalated",
        decidedBy: "usr_ann",
        createdAt: at("2026-03-06T11:00:00"),
      });

      // c6: answered eight days late, two days before `now`: not quiet for 72 hours, so not resolved.
      const c6 = await conversation(db, shop, { channel: "whatsapp", createdAt: at("2026-03-10T10:00:00") });
      await message(db, c6, "inbound", at("2026-03-10T10:00:00"));
      await draft(db, c6, { category: "shipping", status: "auto_sent", createdAt: at("2026-03-10T10:01:00") });
      await message(db, c6, "outbound", at("2026-03-18T10:00:00"));

      // Outside the range, in another app, in another organization: never counted.
      const before = await conversation(db, shop, { channel: "zendesk", createdAt: at("2026-02-28T23:59:59") });
      await message(db, before, "inbound", at("2026-02-28T23:59:59"));
      await draft(db, before, { category: "shipping", status: "auto_sent", createdAt: at("2026-02-28T23:59:59") });
      const after = await conversation(db, shop, { channel: "zendesk", createdAt: at("2026-03-15T00:00:00") });
      await draft(db, after, { category: "shipping", status: "auto_sent", createdAt: at("2026-03-15T00:00:00") });
      const sideApp = {
        orgId: shop.orgId,
        appId: (await createApp(db, shop.orgId, { slug: "side", name: "Side" })).id,
      };
      const side = await conversation(db, sideApp, { channel: "zendesk", createdAt: at("2026-03-02T10:00:00") });
      await draft(db, side, { category: "shipping", status: "auto_sent", createdAt: at("2026-03-02T10:00:00") });
      const foreign = await conversation(db, other, { channel: "zendesk", createdAt: at("2026-03-02T10:00:00") });
      await message(db, foreign, "inbound", at("2026-03-02T10:00:00"));
      await draft(db, foreign, { category: "shipping", status: "auto_sent", createdAt: at("2026-03-02T10:00:00") });
    }, 60_000);
    afterAll(async () => database?.close());

    it("computes every metric over the app's conversations and drafts of the range", async () => {
      const report = await analyticsReport(ctx, { app: "shop", ...range }, now);
      expect(report.range).toEqual({ from: "2026-03-01", to: "2026-03-14", bucket: "day", app: "shop" });
      expect(report.channels).toEqual(["email", "whatsapp", "zendesk"]);
      expect(report.categories).toEqual(["billing", "refund", "shipping", "uncategorized"]);
      expect(report.totals).toEqual({
        conversations: 6,
        byChannel: { zendesk: 4, email: 1, whatsapp: 1 },
        byCategory: { shipping: 3, billing: 2, uncategorized: 1 },
        // c1 5 min, c2 60 min, c3 60 min, c5 30 min, c6 8 days.
        responded: 5,
        firstResponseAvgMs: Math.round((5 * MIN + 60 * MIN + 60 * MIN + 30 * MIN + 192 * HOUR) / 5),
        // c1 by its reply (5 min), c2 closed (48 h), c3 by the teammate's reply (1 h), c5 by its reply (30 min).
        resolved: 4,
        resolutionAvgMs: Math.round((5 * MIN + 48 * HOUR + HOUR + 30 * MIN) / 4),
        // c1, c5, c6: only unchanged drafts went out, no teammate wrote.
        deflected: 3,
        deflectionRate: 3 / 5,
        drafts: 7,
        autoSent: 2,
        autoSendRate: 2 / 7,
        // sent: c2, c5; refused: c3's rejection and c5's escalation by a person (not triage's).
        humanDecided: 4,
        approved: 2,
        approvalRate: 0.5,
        unchanged: 1,
        edited: 1,
        rewritten: 0,
        // No conversation was closed from a suggested article (the widget's deflection).
        selfServed: 0,
        // No reply was rated (CSAT has its own tests).
        rated: 0,
        csatAvg: null,
        csatPositiveRate: null,
      });
    });

    it("puts each conversation and draft in the day it started, empty days included", async () => {
      const report = await analyticsReport(ctx, { app: "shop", ...range }, now);
      expect(report.buckets.map((b) => b.start)).toHaveLength(14);
      expect(report.buckets[0]).toMatchObject({ start: "2026-03-01", conversations: 0, drafts: 0, approvalRate: null });
      expect(report.buckets[1]).toMatchObject({
        start: "2026-03-02",
        conversations: 2,
        byChannel: { zendesk: 1, email: 1 },
        drafts: 2,
        autoSent: 1,
        approved: 1,
        firstResponseAvgMs: Math.round((5 * MIN + 60 * MIN) / 2),
      });
      expect(report.buckets[4]).toMatchObject({ start: "2026-03-05", conversations: 2, responded: 1, drafts: 2 });
      expect(report.buckets[13]).toMatchObject({ start: "2026-03-14", conversations: 0 });
    });

    it("buckets by week from the Monday on or before `from`, still counting only the range", async () => {
      const report = await analyticsReport(ctx, { app: "shop", ...range, bucket: "week" }, now);
      expect(report.buckets.map((b) => [b.start, b.conversations, b.drafts])).toEqual([
        ["2026-02-23", 0, 0],
        ["2026-03-02", 5, 6],
        ["2026-03-09", 1, 1],
      ]);
    });

    it("covers every app of the organization without an app filter, and never another organization", async () => {
      const report = await analyticsReport(ctx, range, now);
      expect(report.totals.conversations).toBe(7);
      expect(report.totals.drafts).toBe(8);
      expect(report.range.app).toBeNull();
    });

    it("refuses an unknown app, a reversed range and one longer than a year", async () => {
      await expect(analyticsReport(ctx, { app: "nope" }, now)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(analyticsReport(ctx, { from: "2026-03-10", to: "2026-03-01" }, now)).rejects.toMatchObject({
        code: "invalid_input",
      });
      await expect(analyticsReport(ctx, { from: "2024-01-01", to: "2026-03-01" }, now)).rejects.toMatchObject({
        code: "invalid_input",
      });
    });
  });
}
