import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyReplyFailed } from "../../src/workflows/notify-reply-failed.js";
import { recordingNotifier, storedNotification } from "./notifier-fixture.js";
import {
  emitted,
  openPipelineFixture,
  type PipelineFixture,
  pendingDraft,
  seedTenant,
  testEngine,
} from "./pipeline-fixture.js";

describe("notify-reply-failed", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
  });
  afterAll(() => fixture.close());
  const engine = () => testEngine(notifyReplyFailed(fixture.inngest, fixture.platform));

  /** A draft whose send the channel refused for good (what send-on-approval records). */
  async function failedDraft() {
    const { draft } = await pendingDraft(fixture, tenant);
    const db = fixture.runtime.database.db;
    await db.q
      .update(db.t.drafts)
      .set({ status: "failed", reason: "permanent: Product app answered 422" })
      .where(eq(db.t.drafts.id, draft.id));
    return draft;
  }
  const replyFailed = (draft: { id: string; conversationId: string }) => ({
    name: "support/reply.failed" as const,
    data: { v: 1 as const, ...tenant, conversationId: draft.conversationId, draftId: draft.id, deliveryId: "dlv_1" },
  });
  const notificationEvents = async () =>
    (await emitted(fixture, tenant.orgId)).filter((event) => event.name === "support/notification.created");

  it("records the failed send, announces it, and posts it once; a retried tell-slack posts nothing more", async () => {
    const notifier = recordingNotifier();
    fixture.notifier = notifier;
    const draft = await failedDraft();
    const { result, ctx } = await engine().execute({ events: [replyFailed(draft)] });
    const row = await storedNotification(fixture, tenant.orgId, `reply_failed:${draft.id}`);
    expect(ctx.step.run).toHaveBeenCalledWith("record", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("tell-slack", expect.any(Function));
    expect(result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: true });
    expect(row).toMatchObject({
      kind: "reply_failed",
      draftId: draft.id,
      reason: "The reply could not be sent (permanent: Product app answered 422): resend it or answer in the channel.",
      slackTs: "1700000000.000001",
    });
    expect(notifier.posts.notifications).toEqual([`reply_failed:${draft.id}`]);
    expect(await notificationEvents()).toEqual([
      {
        name: "support/notification.created",
        data: {
          v: 1,
          ...tenant,
          notificationId: row.id,
          kind: "reply_failed",
          conversationId: draft.conversationId,
          draftId: draft.id,
        },
      },
    ]);

    const retried = await engine().execute({
      events: [replyFailed(draft)],
      steps: [{ id: "record", handler: () => row.id }],
    });
    expect(retried.result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: false });
    const again = await engine().execute({ events: [replyFailed(draft)] });
    expect(again.result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: false });
    expect(notifier.posts.notifications).toEqual([`reply_failed:${draft.id}`]);
    expect(await notificationEvents()).toHaveLength(1);
  });

  it("a Notifier error fails tell-slack (Inngest retries it) and leaves the row without a Slack ts", async () => {
    fixture.notifier = recordingNotifier(new Error("slack is down"));
    const draft = await failedDraft();
    const { error } = await engine().execute({ events: [replyFailed(draft)] });
    expect(error).toMatchObject({ message: "slack is down" });
    expect(error).not.toMatchObject({ name: "NonRetriableError" });
    const row = await storedNotification(fixture, tenant.orgId, `reply_failed:${draft.id}`);
    expect(row.slackTs).toBeNull();

    const notifier = recordingNotifier();
    fixture.notifier = notifier;
    const retried = await engine().execute({
      events: [replyFailed(draft)],
      steps: [{ id: "record", handler: () => row.id }],
    });
    expect(retried.result).toMatchObject({ notificationId: row.id, postedNow: true });
    expect(notifier.posts.notifications).toEqual([`reply_failed:${draft.id}`]);
  });
});
