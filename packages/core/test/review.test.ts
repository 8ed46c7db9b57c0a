import { listAudit, listDraftsForConversation } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayConversation } from "../src/drafting/replay.js";
import { listConversationViews } from "../src/review/conversations.js";
import { approveDraft, escalateDraft, rejectDraft } from "../src/review/decisions.js";
import { listDraftViews } from "../src/review/public-draft.js";
import { type Actor, OPERATOR } from "../src/service/context.js";
import {
  emitted,
  openPipelineFixture,
  type PipelineFixture,
  pendingDraft,
  seedConversation,
  seedTenant,
} from "./workflows/pipeline-fixture.js";

const slackAgent: Actor = { kind: "slack", role: "agent", name: "slack:ada" };
const dashboardAgent: Actor = { kind: "user", role: "agent", name: "user:ben" };

/** The review services on the service context: who may decide, and what a decision records about who and where. */
describe("review services", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
  });
  afterAll(() => fixture.close());
  const auditOf = async (draftId: string, action: string) =>
    (await listAudit(fixture.runtime.database.db, tenant.orgId, { limit: 100 })).data.filter(
      (entry) => entry.subject === draftId && entry.action === action,
    );

  it("an agent approves from Slack: the draft records the actor and the surface, once", async () => {
    const { draft } = await pendingDraft(fixture, tenant);
    const approved = await approveDraft(fixture.context(tenant.orgId, slackAgent), draft.id);
    expect(approved).toMatchObject({ status: "approved", decidedBy: "slack:ada", decidedVia: "slack" });
    expect((await auditOf(draft.id, "draft.approved")).map((entry) => entry.actor)).toEqual(["slack:ada"]);
    const approvals = (await emitted(fixture, tenant.orgId)).filter(
      (event) => event.name === "support/draft.approved" && event.data.draftId === draft.id,
    );
    expect(approvals).toHaveLength(1);
    await expect(approveDraft(fixture.context(tenant.orgId, dashboardAgent), draft.id)).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("an agent rejects from the dashboard, and the operator escalates from the CLI", async () => {
    const first = await pendingDraft(fixture, tenant);
    const rejected = await rejectDraft(fixture.context(tenant.orgId, dashboardAgent), first.draft.id, {
      reason: "wrong product",
    });
    expect(rejected).toMatchObject({ status: "rejected", decidedBy: "user:ben", decidedVia: "dashboard" });
    const second = await pendingDraft(fixture, tenant);
    const escalated = await escalateDraft(fixture.context(tenant.orgId, OPERATOR), second.draft.id);
    expect(escalated).toMatchObject({ status: "escalated", decidedBy: "cli", decidedVia: "cli" });
    expect((await auditOf(second.draft.id, "draft.escalated")).map((entry) => entry.actor)).toEqual(["cli"]);
  });

  it("lists by app only through an app of the organization", async () => {
    const agent = fixture.context(tenant.orgId, dashboardAgent);
    await expect(listDraftViews(agent, { app: "no-such-app", limit: 10 })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(listConversationViews(agent, { app: "no-such-app" }, { limit: 10 })).rejects.toMatchObject({
      code: "not_found",
    });
    const drafts = await listDraftViews(agent, { app: "shop", limit: 100 });
    expect(drafts.data.length).toBeGreaterThan(0);
  });

  it("an agent replays a conversation: each step's output, nothing stored", async () => {
    const { conversation } = await seedConversation(fixture, tenant, [
      { from: "customer", text: "How do I reset my password?" },
    ]);
    const before = await emitted(fixture, tenant.orgId);
    const replay = await replayConversation(fixture.context(tenant.orgId, dashboardAgent), conversation.id);
    expect(replay).toMatchObject({ conversationId: conversation.id, outcome: "planned", reason: null });
    expect(replay.status).toBe("pending_approval");
    expect(replay.steps.map((s) => s.step)).toEqual([
      "guard",
      "triage",
      "gather",
      "retrieve",
      "draft",
      "actions",
      "gates",
      "trust",
      "decide",
    ]);
    expect(await listDraftsForConversation(fixture.runtime.database.db, tenant.orgId, conversation.id)).toEqual([]);
    expect(await emitted(fixture, tenant.orgId)).toEqual(before);
    const silent = await seedConversation(fixture, tenant, [{ from: "agent", text: "Hello from us." }]);
    await expect(
      replayConversation(fixture.context(tenant.orgId, dashboardAgent), silent.conversation.id),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      replayConversation(fixture.context(tenant.orgId, dashboardAgent), "cnv_missing"),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
