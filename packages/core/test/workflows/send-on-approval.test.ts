import { getDraft, listSandboxMessages } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveDraft } from "../../src/review/decisions.js";
import { sendOnApproval } from "../../src/workflows/send-on-approval.js";
import {
  emitted,
  openPipelineFixture,
  type PipelineFixture,
  pendingDraft,
  seedTenant,
  testEngine,
} from "./pipeline-fixture.js";

const sam = { kind: "api_key", role: "agent", name: "sam" } as const;

describe("send-on-approval", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
  });
  afterAll(() => fixture.close());
  const engine = () => testEngine(sendOnApproval(fixture.inngest, fixture.platform));
  const approved = (draft: { id: string; conversationId: string }) => ({
    name: "support/draft.approved" as const,
    data: { v: 1 as const, ...tenant, conversationId: draft.conversationId, draftId: draft.id, auto: false },
  });

  it("sends the approved (edited) text once through the channel and emits reply.sent", async () => {
    const { draft } = await pendingDraft(fixture, tenant);
    const text = "Hi Ada, click Forgot password on the sign-in page; the link works for one hour.";
    await approveDraft(fixture.context(tenant.orgId, sam), draft.id, { text });
    const { result, ctx } = await engine().execute({ events: [approved(draft)] });
    const sent = await getDraft(fixture.runtime.database.db, tenant.orgId, draft.id);
    expect(sent?.status).toBe("sent");
    expect(result).toEqual({ status: "sent", deliveryId: sent?.deliveryId });
    expect(ctx.step.run).toHaveBeenCalledWith("send", expect.any(Function));
    const outbox = await listSandboxMessages(fixture.runtime.database.db, tenant.orgId, {
      appId: tenant.appId,
      limit: 10,
    });
    expect(outbox.data.map((message) => message.text)).toEqual([text]);
    expect((await emitted(fixture, tenant.orgId)).filter((event) => event.name === "support/reply.sent")).toEqual([
      {
        name: "support/reply.sent",
        data: {
          v: 1,
          ...tenant,
          conversationId: draft.conversationId,
          draftId: draft.id,
          deliveryId: sent?.deliveryId,
        },
      },
    ]);
    // A redelivered event (or a retried step) finds the draft sent and sends nothing more.
    const again = await engine().execute({ events: [approved(draft)] });
    expect(again.result).toEqual({ status: "sent", deliveryId: sent?.deliveryId });
    const after = await listSandboxMessages(fixture.runtime.database.db, tenant.orgId, {
      appId: tenant.appId,
      limit: 10,
    });
    expect(after.data).toHaveLength(1);
  });

  it("a draft that does not exist fails with NonRetriableError: no retry can send it", async () => {
    const { error } = await engine().execute({
      events: [approved({ id: "drf_missing", conversationId: "cnv_missing" })],
    });
    expect(error).toMatchObject({ name: "NonRetriableError", message: 'draft "drf_missing" not found' });
  });

  it("a transient failure (the channel unreachable) is an ordinary error, retried by Inngest", async () => {
    const { draft } = await pendingDraft(fixture, tenant);
    await approveDraft(fixture.context(tenant.orgId, sam), draft.id);
    const replies = { adapterFor: () => Promise.reject(new Error("socket hang up")) };
    const broken = { ...fixture.platform, ports: { ...fixture.platform.ports, replies } };
    const { error } = await testEngine(sendOnApproval(fixture.inngest, broken)).execute({
      events: [approved(draft)],
    });
    expect(error).toMatchObject({ message: "socket hang up" });
    expect(error).not.toMatchObject({ name: "NonRetriableError" });
    expect((await getDraft(fixture.runtime.database.db, tenant.orgId, draft.id))?.status).toBe("approved");
  });
});
