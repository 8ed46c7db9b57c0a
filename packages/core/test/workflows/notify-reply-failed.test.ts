import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, it } from "vitest";
import { notifyReplyFailed } from "../../src/workflows/notify-reply-failed.js";
import { expectNotifiedOnce, expectOutageRetried } from "./notifier-fixture.js";
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
  const _notificationEvents = async () =>
    (await emitted(fixture, tenant.orgId)).filter((event) => event.name === "support/notification.created");

  it("records the failed send, announces it, and posts it once; a retried tell-slack posts nothing more", async () => {
    const draft = await failedDraft();
    await expectNotifiedOnce(
      { fixture, tenant, engine, event: replyFailed(draft), key: `reply_failed:${draft.id}` },
      {
        kind: "reply_failed",
        conversationId: draft.conversationId,
        draftId: draft.id,
        row: {
          draftId: draft.id,
          reason:
            "The reply could not be sent (permanent: Product app answered 422): resend it or answer in the channel.",
        },
      },
    );
  });

  it("a Notifier error fails tell-slack (Inngest retries it) and leaves the row without a Slack ts", async () => {
    const draft = await failedDraft();
    await expectOutageRetried({ fixture, tenant, engine, event: replyFailed(draft), key: `reply_failed:${draft.id}` });
  });
});
