import { getDraft, insertMessage, listOutcomes } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teammateReply } from "../../src/workflows/teammate-reply.js";
import {
  messageReceived,
  openPipelineFixture,
  type PipelineFixture,
  pendingDraft,
  seedTenant,
  testEngine,
} from "./pipeline-fixture.js";

describe("record-teammate-reply", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
  });
  afterAll(() => fixture.close());
  const engine = () => testEngine(teammateReply(fixture.inngest, fixture.platform));

  it("a teammate answered in the channel: the pending draft is withdrawn with the draft-vs-sent outcome", async () => {
    const { question, draft } = await pendingDraft(fixture, tenant);
    const db = fixture.runtime.database.db;
    // The teammate sent the draft's text nearly as it was.
    const reply = await insertMessage(db, {
      ...question,
      direction: "outbound",
      authorKind: "agent",
      authorName: "Sam",
      text: draft.text ?? "",
      createdAt: new Date(),
    });
    const { result, ctx } = await engine().execute({ events: [messageReceived(tenant, reply)] });
    expect(result).toEqual([{ draftId: draft.id, outcome: "unchanged" }]);
    expect(ctx.step.run).toHaveBeenCalledWith("record-outcome", expect.any(Function));
    expect((await getDraft(db, tenant.orgId, draft.id))?.status).toBe("superseded");
    const outcomes = (await listOutcomes(db, tenant.orgId, tenant.appId)).filter(
      (outcome) => outcome.draftId === draft.id,
    );
    expect(outcomes.map((outcome) => [outcome.outcome, outcome.surface])).toEqual([["unchanged", "channel"]]);
    // Redelivered: the draft is no longer pending, so nothing is recorded twice.
    expect((await engine().execute({ events: [messageReceived(tenant, reply)] })).result).toEqual([]);
  });
});
