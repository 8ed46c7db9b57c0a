import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectDraft } from "../../src/review/decisions.js";
import { notifyEscalation } from "../../src/workflows/notify-escalation.js";
import { expectNotifiedOnce, expectOutageRetried, recordingNotifier, storedNotification } from "./notifier-fixture.js";
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
  const _notificationEvents = async () =>
    (await emitted(fixture, tenant.orgId)).filter((event) => event.name === "support/notification.created");

  it("records a rejection as an escalation, announces it, and posts it once; a retried tell-slack posts nothing more", async () => {
    const { draft } = await pendingDraft(fixture, tenant);
    const ada = fixture.context(tenant.orgId, { kind: "user", role: "agent", name: "user:ada" });
    await rejectDraft(ada, draft.id, { reason: "wrong product" });
    await expectNotifiedOnce(
      { fixture, tenant, engine, event: escalated(draft.conversationId, draft.id), key: `escalation:${draft.id}` },
      {
        kind: "escalation",
        conversationId: draft.conversationId,
        draftId: draft.id,
        row: {
          conversationId: draft.conversationId,
          draftId: draft.id,
          reason: "The draft was rejected by user:ada (wrong product): the customer needs a reply from a person.",
        },
      },
    );
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
    const { conversation } = await seedConversation(fixture, tenant, [{ from: "customer", text: "Anyone there?" }]);
    const key = `escalation:${conversation.id}`;
    await expectOutageRetried({ fixture, tenant, engine, event: escalated(conversation.id), key });
  });
});
