import { getDraft } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveDraft } from "../../src/review/decisions.js";
import { sendApprovedDraft } from "../../src/review/send-approved.js";
import { learnOnReply } from "../../src/workflows/learn-on-reply.js";
import { openPipelineFixture, type PipelineFixture, pendingDraft, seedTenant, testEngine } from "./pipeline-fixture.js";

const sam = { kind: "api_key", role: "agent", name: "sam" } as const;

describe("learn-on-reply", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
  });
  afterAll(() => fixture.close());
  const engine = () => testEngine(learnOnReply(fixture.inngest, fixture.platform));
  const replySent = (draft: { id: string; conversationId: string }, deliveryId: string) => ({
    name: "support/reply.sent" as const,
    data: { v: 1 as const, ...tenant, conversationId: draft.conversationId, draftId: draft.id, deliveryId },
  });

  it("learns a human-approved reply as a knowledge source of the app", async () => {
    const { draft } = await pendingDraft(fixture, tenant);
    await approveDraft(fixture.context(tenant.orgId, sam), draft.id);
    const sent = await sendApprovedDraft(fixture.context(tenant.orgId), draft.id);
    const { result, ctx } = await engine().execute({ events: [replySent(draft, sent.deliveryId ?? "")] });
    const { sourceId } = result as { sourceId: string | null };
    expect(sourceId).toMatch(/^kns_/);
    expect(ctx.step.run).toHaveBeenCalledWith("learn", expect.any(Function));
    const db = fixture.runtime.database.db;
    const sources = await db.q.select().from(db.t.knowledgeSources);
    expect(sources.find((source) => source.id === sourceId)).toMatchObject({ orgId: tenant.orgId });
  });

  it("learns nothing from a draft that was not sent", async () => {
    const { draft } = await pendingDraft(fixture, tenant);
    const { result } = await engine().execute({ events: [replySent(draft, "dlv_none")] });
    expect(result).toEqual({ sourceId: null });
    expect((await getDraft(fixture.runtime.database.db, tenant.orgId, draft.id))?.status).toBe("pending_approval");
  });
});
