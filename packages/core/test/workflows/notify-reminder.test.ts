import { findNotificationByKey } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveDraft } from "../../src/review/decisions.js";
import { notifyReminder } from "../../src/workflows/notify-reminder.js";
import { expectNotifiedOnce, expectOutageRetried, recordingNotifier, storedNotification } from "./notifier-fixture.js";
import {
  emitted,
  openPipelineFixture,
  type PipelineFixture,
  pendingDraft,
  seedTenant,
  testEngine,
} from "./pipeline-fixture.js";

const sam = { kind: "api_key", role: "agent", name: "sam" } as const;

describe("notify-reminder", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
  });
  afterAll(() => fixture.close());
  const engine = () => testEngine(notifyReminder(fixture.inngest, fixture.platform));
  const reminded = (draft: { id: string; conversationId: string }) => ({
    name: "support/approval.reminded" as const,
    data: { v: 1 as const, ...tenant, conversationId: draft.conversationId, draftId: draft.id },
  });
  const notificationEvents = async () =>
    (await emitted(fixture, tenant.orgId)).filter((event) => event.name === "support/notification.created");

  it("records the reminder, announces it, and posts it once; a retried tell-slack step posts nothing more", async () => {
    const { draft } = await pendingDraft(fixture, tenant);
    await expectNotifiedOnce(
      { fixture, tenant, engine, event: reminded(draft), key: `reminder:${draft.id}` },
      {
        kind: "approval_reminder",
        conversationId: draft.conversationId,
        draftId: draft.id,
        row: {
          appId: tenant.appId,
          conversationId: draft.conversationId,
          draftId: draft.id,
          reason: "A draft has waited for approval longer than the 4-hour SLA.",
          slackChannelId: "C0NOTIFY",
        },
      },
    );
  });

  it("records nothing for a draft decided before the reminder ran", async () => {
    const notifier = recordingNotifier();
    fixture.notifier = notifier;
    const before = await notificationEvents();
    const { draft } = await pendingDraft(fixture, tenant);
    await approveDraft(fixture.context(tenant.orgId, sam), draft.id);
    const { result, ctx } = await engine().execute({ events: [reminded(draft)] });
    expect(result).toEqual({ skipped: "the draft was decided before the reminder" });
    expect(ctx.step.run).toHaveBeenCalledWith("record", expect.any(Function));
    expect(ctx.step.run).not.toHaveBeenCalledWith("tell-slack", expect.any(Function));
    expect(await findNotificationByKey(fixture.runtime.database.db, tenant.orgId, `reminder:${draft.id}`)).toBe(
      undefined,
    );
    expect(await notificationEvents()).toEqual(before);
    expect(notifier.posts.notifications).toEqual([]);
  });

  it("a Notifier error fails tell-slack (Inngest retries it) and leaves the row without a Slack ts", async () => {
    const { draft } = await pendingDraft(fixture, tenant);
    await expectOutageRetried({ fixture, tenant, engine, event: reminded(draft), key: `reminder:${draft.id}` });
  });

  it("without Slack, the reminder is recorded for the dashboard and nothing is posted", async () => {
    fixture.notifier = { post: async () => undefined, postDailySummary: async () => undefined };
    const { draft } = await pendingDraft(fixture, tenant);
    const { result } = await engine().execute({ events: [reminded(draft)] });
    const row = await storedNotification(fixture, tenant.orgId, `reminder:${draft.id}`);
    expect(result).toEqual({ notificationId: row.id, slackTs: null, postedNow: false });
    expect(row.slackTs).toBeNull();
  });
});
