import { createSecretBox, type Database, type DraftRow, insertDraft } from "@support/db";
import { listOutboxForOrg } from "@support/engine";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dismissAttention, needsAttention } from "../src/notifications/attention.js";
import type { Notice, Notifier, PostedNotice } from "../src/notifications/notifier.js";
import {
  deliverNotification,
  escalationNotification,
  postDailySummaryOnce,
  raiseNotification,
  reminderNotification,
  replyFailedNotification,
} from "../src/notifications/notify.js";
import { auditLog } from "../src/operations/audit.js";
import { type Actor, type ServiceContext, serviceContext, WORKFLOW } from "../src/service/context.js";
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
    async post(_ctx: ServiceContext, notification: Notice) {
      if (fail) {
        fail = false;
        throw new Error("slack is down");
      }
      posted.push(notification.key);
      return answer();
    },
    async postDailySummary(ctx: ServiceContext) {
      posted.push(`summary:${ctx.org.id}`);
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
    const box = createSecretBox({ 1: Buffer.alloc(32, 7) }, 1);
    /** The organization's context: a workflow function's, telling people through `notifier`. */
    const inOrg = (notifier: Notifier = silentNotifier, actor: Actor = WORKFLOW, org = orgId) =>
      serviceContext(testPlatform(database, { secrets: box, notifier }), org, actor);
    const agent = (name: string): Actor => ({ kind: "user", role: "agent", name });
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
      const reminder = await reminderNotification(inOrg(), event(waiting));
      expect(reminder).toMatchObject({ kind: "approval_reminder", key: `reminder:${waiting.id}`, appId });
      expect(reminder?.reason).toContain("4-hour SLA");
      const sent = await draft({ status: "sent" });
      expect(await reminderNotification(inOrg(), event(sent))).toBeUndefined();

      const rejected = await draft({ status: "rejected", decidedBy: "user:ada", reason: "wrong product" });
      expect((await escalationNotification(inOrg(), event(rejected))).reason).toBe(
        "The draft was rejected by user:ada (wrong product): the customer needs a reply from a person.",
      );
      const bySla = await draft({ status: "escalated", decidedBy: "sla", reason: "waited more than 8 hours" });
      expect(await escalationNotification(inOrg(), event(bySla))).toMatchObject({
        key: `escalation:${bySla.id}`,
        reason: "Needs a person: waited more than 8 hours (escalated by sla).",
      });
      const failed = await draft({ status: "failed", reason: "permanent: Product app answered 422" });
      expect((await replyFailedNotification(inOrg(), event(failed))).reason).toContain(
        "permanent: Product app answered 422",
      );
    });

    it("raises a notification once per key, with one event for the live stream", async () => {
      const d = await draft({ status: "failed", reason: "refused" });
      const input = await replyFailedNotification(inOrg(), event(d));
      const first = await raiseNotification(inOrg(), input);
      const again = await raiseNotification(inOrg(), input);
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
      const row = await raiseNotification(inOrg(), await escalationNotification(inOrg(), event(d)));
      failNext();
      await expect(deliverNotification(inOrg(notifier), row.id)).rejects.toThrow("slack is down");
      const first = await deliverNotification(inOrg(notifier), row.id);
      const retry = await deliverNotification(inOrg(notifier), row.id);
      expect(first).toMatchObject({ postedNow: true });
      expect(retry).toEqual({ notificationId: row.id, slackTs: first.slackTs, postedNow: false });
      expect(posted).toEqual([`escalation:${d.id}`]);
      const unconfigured = await deliverNotification(inOrg(silentNotifier), row.id);
      expect(unconfigured.postedNow).toBe(false);
    });

    it("posts the daily summary once per organization and day", async () => {
      const { notifier, posted } = recordingNotifier();
      expect((await postDailySummaryOnce(inOrg(silentNotifier), "2026-03-01")).postedNow).toBe(false);
      // Nothing was posted (no Slack at the time): a later run that day may still post it.
      expect((await postDailySummaryOnce(inOrg(notifier), "2026-03-01")).postedNow).toBe(true);
      expect((await postDailySummaryOnce(inOrg(notifier), "2026-03-01")).postedNow).toBe(false);
      expect((await postDailySummaryOnce(inOrg(notifier), "2026-03-02")).postedNow).toBe(true);
      expect(posted).toEqual([`summary:${orgId}`, `summary:${orgId}`]);
    });

    it("lists what needs attention until dismissed, and reminders only while the draft waits", async () => {
      const waiting = await draft();
      const input = await reminderNotification(inOrg(), event(waiting));
      if (!input) throw new Error("a waiting draft gets a reminder");
      const reminder = await raiseNotification(inOrg(), input);
      const listed = await needsAttention(inOrg());
      expect(listed.map((n) => n.id)).toContain(reminder.id);
      expect(listed.some((n) => n.kind === ("daily_summary" as never))).toBe(false);
      await database.db.q
        .update(database.db.t.drafts)
        .set({ status: "sent" })
        .where(eq(database.db.t.drafts.id, waiting.id));
      expect((await needsAttention(inOrg())).map((n) => n.id)).not.toContain(reminder.id);

      const open = (await needsAttention(inOrg()))[0];
      expect(open).toBeDefined();
      // Any member sees to it: an agent dismisses, and the audit log names them.
      await dismissAttention(inOrg(silentNotifier, agent("user:ada")), open?.id ?? "");
      const audit = await auditLog(inOrg(), { limit: 20 });
      expect(audit.data.find((e) => e.action === "notification.dismissed" && e.subject === open?.id)?.actor).toBe(
        "user:ada",
      );
      expect((await needsAttention(inOrg())).map((n) => n.id)).not.toContain(open?.id);
      await expect(dismissAttention(inOrg(silentNotifier, agent("user:ben")), open?.id ?? "")).rejects.toMatchObject({
        code: "conflict",
      });
      await expect(
        dismissAttention(inOrg(silentNotifier, agent("user:ben"), "org_other"), open?.id ?? ""),
      ).rejects.toMatchObject({
        code: "not_found",
      });
    });
  });
}
