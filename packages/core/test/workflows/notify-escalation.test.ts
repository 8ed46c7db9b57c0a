import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectDraft } from "../../src/review/decisions.js";
import { notifyEscalation } from "../../src/workflows/notify-escalation.js";
import { recordingNotifier, storedNotification } from "./notifier-fixture.js";
import {
  emitted,
  openPipelineFixture,
  type PipelineFixture,
  pendingDraft,
  seedConversation,
  seedTenant,
  testEngine,
} from "./pipeline-fixture.js";

describe("notify-escalation", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
  });
  afterAll(() => fixture.close());
  const engine = () => testEngine(notifyEscalation(fixture.inngest, fixture.platform));
  const escalated = (conversationId: string, draftId?: string) => ({
    name: "support/conversation.escalated" as const,
    data: { v: 1 as const, ...tenant, conversationId, ...(draftId ? { draftId } : {}) },
  });
  const notificationEvents = async () =>
    (await emitted(fixture, tenant.orgId)).filter((event) => event.name === "support/notification.created");

  it("records a rejection as an escalation, announces it, and posts it once; a retried tell-slack posts nothing more", async () => {
    const notifier = recordingNotifier();
    fixture.notifier = notifier;
    const { draft } = await pendingDraft(fixture, tenant);
    const ada = fixture.context(tenant.orgId, { kind: "user", role: "agent", name: "user:ada" });
    await rejectDraft(ada, draft.id, { reason: "wrong product" });
    const event = escalated(draft.conversationId, draft.id);
    const { result, ctx } = await engine().execute({ events: [event] });
    const row = await storedNotification(fixture, tenant.orgId, `escalation:${draft.id}`);
    expect(ctx.step.run).toHaveBeenCalledWith("record", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("tell-slack", expect.any(Function));
    expect(result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: true });
    expect(row).toMatchObject({
      kind: "escalation",
      conversationId: draft.conversationId,
      draftId: draft.id,
      reason: "The draft was rejected by user:ada (wrong product): the customer needs a reply from a person.",
      slackTs: "1700000000.000001",
    });
    expect(notifier.posts.notifications).toEqual([`escalation:${draft.id}`]);
    expect(await notificationEvents()).toEqual([
      {
        name: "support/notification.created",
        data: {
          v: 1,
          ...tenant,
          notificationId: row.id,
          kind: "escalation",
          conversationId: draft.conversationId,
          draftId: draft.id,
        },
      },
    ]);

    const retried = await engine().execute({ events: [event], steps: [{ id: "record", handler: () => row.id }] });
    expect(retried.result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: false });
    const again = await engine().execute({ events: [event] });
    expect(again.result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: false });
    expect(notifier.posts.notifications).toEqual([`escalation:${draft.id}`]);
    expect(await notificationEvents()).toHaveLength(1);
  });

  it("an escalation without a draft (triage asked for a person) is keyed by the conversation", async () => {
    const notifier = recordingNotifier();
    fixture.notifier = notifier;
    const { conversation } = await seedConversation(fixture, tenant, [
      { from: "customer", text: "I want to talk to a human." },
    ]);
    const { result } = await engine().execute({ events: [escalated(conversation.id)] });
    const row = await storedNotification(fixture, tenant.orgId, `escalation:${conversation.id}`);
    expect(result).toMatchObject({ notificationId: row.id, postedNow: true });
    expect(row).toMatchObject({ draftId: null, reason: "Needs a person: escalated (escalated by someone)." });
    expect(notifier.posts.notifications).toEqual([`escalation:${conversation.id}`]);
  });

  it("a Notifier error fails tell-slack (Inngest retries it) and leaves the row without a Slack ts", async () => {
    fixture.notifier = recordingNotifier(new Error("slack is down"));
    const { conversation } = await seedConversation(fixture, tenant, [{ from: "customer", text: "Anyone there?" }]);
    const event = escalated(conversation.id);
    const { error } = await engine().execute({ events: [event] });
    expect(error).toMatchObject({ message: "slack is down" });
    expect(error).not.toMatchObject({ name: "NonRetriableError" });
    const row = await storedNotification(fixture, tenant.orgId, `escalation:${conversation.id}`);
    expect(row.slackTs).toBeNull();

    const notifier = recordingNotifier();
    fixture.notifier = notifier;
    const retried = await engine().execute({ events: [event], steps: [{ id: "record", handler: () => row.id }] });
    expect(retried.result).toMatchObject({ notificationId: row.id, postedNow: true });
    expect(notifier.posts.notifications).toEqual([`escalation:${conversation.id}`]);
  });
});
