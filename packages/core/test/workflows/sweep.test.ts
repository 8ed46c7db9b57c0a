import { getDraft } from "@support/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweep } from "../../src/workflows/sweep.js";
import {
  emitted,
  openPipelineFixture,
  type PipelineFixture,
  pendingDraft,
  seedTenant,
  testEngine,
} from "./pipeline-fixture.js";

const HOUR = 3_600_000;

describe("sweep", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
  });
  afterAll(() => fixture.close());
  const tick = { name: "inngest/scheduled.timer", data: { cron: "*/15 * * * *" } };

  it("on its schedule, reminds the approver of a draft waiting past the SLA, once", async () => {
    const { draft } = await pendingDraft(fixture, tenant);
    const db = fixture.runtime.database.db;
    // The draft has waited five hours; the default SLA is four.
    await db.q
      .update(db.t.drafts)
      .set({ createdAt: new Date(Date.now() - 5 * HOUR) })
      .where(eq(db.t.drafts.id, draft.id));
    const engine = testEngine(sweep(fixture.inngest, fixture.platform));
    const { result, ctx } = await engine.execute({ events: [tick] });
    expect(result).toEqual({
      reminded: 1,
      escalated: 0,
      expired: 0,
      purgedPayloads: 0,
      purgedCustomerData: 0,
      purgedActionData: 0,
      purgedRunSteps: 0,
    });
    expect(ctx.step.run).toHaveBeenCalledWith("sweep", expect.any(Function));
    expect((await getDraft(db, tenant.orgId, draft.id))?.remindedAt).toBeInstanceOf(Date);
    const reminders = (await emitted(fixture, tenant.orgId)).filter((e) => e.name === "support/approval.reminded");
    expect(reminders).toEqual([
      {
        name: "support/approval.reminded",
        data: { v: 1, ...tenant, conversationId: draft.conversationId, draftId: draft.id },
      },
    ]);
    // The next tick finds the reminder sent and does nothing more for that draft.
    const next = await testEngine(sweep(fixture.inngest, fixture.platform)).execute({ events: [tick] });
    expect(next.result).toEqual({
      reminded: 0,
      escalated: 0,
      expired: 0,
      purgedPayloads: 0,
      purgedCustomerData: 0,
      purgedActionData: 0,
      purgedRunSteps: 0,
    });
  });
});
