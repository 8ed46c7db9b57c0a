import { createSecretBox, type Database, type DraftRow, insertDraft, type NotificationRow } from "@support/db";
import { listOutboxForOrg } from "@support/engine";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dismissAttention, needsAttention } from "../src/notifications/attention.js";
import type { Notifier, PostedNotice } from "../src/notifications/notifier.js";
import {
  deliverNotification,
  escalationNotification,
  postDailySummaryOnce,
  raiseNotification,
  reminderNotification,
  replyFailedNotification,
} from "../src/notifications/notify.js";
import { initProduct } from "../src/tenancy/init.js";
import { dialects } from "./dialects.js";
import { testPlatform } from "./harness.js";

/** A notifier that records what it was asked to post; `fail` makes the next post throw like a Slack outage. */
function recordingNotifier() {
  const posted: string[] = [];
  let fail = false;
  let seq = 0;
  const answer = (): PostedNotice => ({ channel: "C0TEST", ts: `1700000000.${++seq}` });
  const notifier: Notifier = {
    async post(notification: NotificationRow) {
      if (fail) {
        fail = false;
        throw new Error("slack is down");
      }
      posted.push(notification.key);
      return answer();
    },
    async postDailySummary(orgId: string) {
      posted.push(`summary:${orgId}`);
      return answer();
    },
  };
  return { notifier, posted, failNext: () => (fail = true) };
}

const silentNotifier: Notifier = { post: async () => undefined, postDailySummary: async () => undefined };

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`notification services on ${dialect.name}`, () => {
    let database: Database;
    let orgId: string;
    let appId: string;
    const draft = (over: Partial<DraftRow> = {}) =>
      insertDraft(database.db, {
        orgId,
        appId,
        conversationId: `cnv_${Math.random().toString(36).slice(2)}`,
        messageId: `msg_${Math.random().toString(36).slice(2)}`,
        status: "pending_approval",
        category: "account",
        text: "Open the sign-in page.",
        citations: [],
        triage: {},
        gates: [],
        decision: {},
        usage: [],
        traceId: "trace",
        sentText: null,
        deliveryId: null,
        decidedBy: null,
        decidedAt: null,
        decidedVia: null,
        reason: null,
        remindedAt: null,
        customer: null,
        actions: null,
        ...over,
      });
    const event = (d: DraftRow) => ({ orgId, appId, conversationId: d.conversationId, draftId: d.id });

    beforeAll(async () => {
      database = await dialect.open();
      const box = createSecretBox({ 1: Buffer.alloc(32, 7) }, 1);
      const init = await initProduct(testPlatform(database, { secrets: box }), {
        name: `Notify ${Math.random()}`,
        org: `Org ${Math.random()}`,
      });
      orgId = init.organization.id;
      appId = init.app.id;
    });
    afterAll(async () => database.close());

    it("words each kind from the stored draft, and skips a reminder for a decided draft", async () => {
      const waiting = await draft();
      const reminder = await reminderNotification(database.db, event(waiting));
      expect(reminder).toMatchObject({ kind: "approval_reminder", key: `reminder:${waiting.id}`, appId });
      expect(reminder?.reason).toContain("4-hour SLA");
      const sent = await draft({ status: "sent" });
      expect(await reminderNotification(database.db, event(sent))).toBeUndefined();

      const rejected = await draft({ status: "rejected", decidedBy: "user:ada", reason: "wrong product" });
      expect((await escalationNotification(database.db, event(rejected))).reason).toBe(
        "The draft was rejected by user:ada (wrong product): the customer needs a reply from a person.",
      );
      const bySla = await draft({ status: "escalated", decidedBy: "sla", reason: "waited more than 8 hours" });
      expect(await escalationNotification(database.db, event(bySla))).toMatchObject({
        key: `escalation:${bySla.id}`,
        reason: "Needs a person: waited more than 8 hours (escalated by sla).",
      });
      const failed = await draft({ status: "failed", reason: "permanent: Product app answered 422" });
      expect((await replyFailedNotification(database.db, event(failed))).reason).toContain(
        "permanent: Product app answered 422",
      );
    });

    it("raises a notification once per key, with one event for the live stream", async () => {
      const d = await draft({ status: "failed", reason: "refused" });
      const input = await replyFailedNotification(database.db, event(d));
      const first = await raiseNotification(database, input);
      const again = await raiseNotification(database, input);
      expect(again.id).toBe(first.id);
      const events = (await listOutboxForOrg(database.db, orgId, 1000)).filter(
        (e) => e.name === "support/notification.created" && (e.payload as { draftId?: string }).draftId === d.id,
      );
      expect(events).toHaveLength(1);
      expect(events[0]?.payload).toMatchObject({ kind: "reply_failed", notificationId: first.id });
    });

    it("delivers once: a retry after a post finds the recorded message; a retry after a failure posts", async () => {
      const { notifier, posted, failNext } = recordingNotifier();
      const d = await draft({ status: "escalated", decidedBy: "triage", reason: "the customer asked for a person" });
      const row = await raiseNotification(database, await escalationNotification(database.db, event(d)));
      failNext();
      await expect(deliverNotification(database, notifier, orgId, row.id)).rejects.toThrow("slack is down");
      const first = await deliverNotification(database, notifier, orgId, row.id);
      const retry = await deliverNotification(database, notifier, orgId, row.id);
      expect(first).toMatchObject({ postedNow: true });
      expect(retry).toEqual({ notificationId: row.id, slackTs: first.slackTs, postedNow: false });
      expect(posted).toEqual([`escalation:${d.id}`]);
      const unconfigured = await deliverNotification(database, silentNotifier, orgId, row.id);
      expect(unconfigured.postedNow).toBe(false);
    });

    it("posts the daily summary once per organization and day", async () => {
      const { notifier, posted } = recordingNotifier();
      expect((await postDailySummaryOnce(database, silentNotifier, orgId, "2026-03-01")).postedNow).toBe(false);
      // Nothing was posted (no Slack at the time): a later run that day may still post it.
      expect((await postDailySummaryOnce(database, notifier, orgId, "2026-03-01")).postedNow).toBe(true);
      expect((await postDailySummaryOnce(database, notifier, orgId, "2026-03-01")).postedNow).toBe(false);
      expect((await postDailySummaryOnce(database, notifier, orgId, "2026-03-02")).postedNow).toBe(true);
      expect(posted).toEqual([`summary:${orgId}`, `summary:${orgId}`]);
    });

    it("lists what needs attention until dismissed, and reminders only while the draft waits", async () => {
      const waiting = await draft();
      const input = await reminderNotification(database.db, event(waiting));
      if (!input) throw new Error("a waiting draft gets a reminder");
      const reminder = await raiseNotification(database, input);
      const listed = await needsAttention(database.db, orgId);
      expect(listed.map((n) => n.id)).toContain(reminder.id);
      expect(listed.some((n) => n.kind === ("daily_summary" as never))).toBe(false);
      await database.db.q
        .update(database.db.t.drafts)
        .set({ status: "sent" })
        .where(eq(database.db.t.drafts.id, waiting.id));
      expect((await needsAttention(database.db, orgId)).map((n) => n.id)).not.toContain(reminder.id);

      const open = (await needsAttention(database.db, orgId))[0];
      expect(open).toBeDefined();
      await dismissAttention(database.db, orgId, open?.id ?? "", "user:ada");
      expect((await needsAttention(database.db, orgId)).map((n) => n.id)).not.toContain(open?.id);
      await expect(dismissAttention(database.db, orgId, open?.id ?? "", "user:ben")).rejects.toMatchObject({
        code: "conflict",
      });
      await expect(dismissAttention(database.db, "org_other", open?.id ?? "", "user:ben")).rejects.toMatchObject({
        code: "not_found",
      });
    });
  });
}
