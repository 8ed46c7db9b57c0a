import { findDraftForMessage, getDraft, insertMessage, listDraftsForConversation } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftOnMessage } from "../../src/workflows/draft-on-message.js";
import {
  debounceElapsed,
  emitted,
  messageReceived,
  openPipelineFixture,
  type PipelineFixture,
  seedConversation,
  seedTenant,
  testEngine,
} from "./pipeline-fixture.js";

describe("draft-on-message", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
  });
  afterAll(() => fixture.close());
  const engine = () => testEngine(draftOnMessage(fixture.inngest, fixture.platform));

  it("waits out the app's debounce, then stores a cited draft pending approval and asks for approval", async () => {
    const { messages } = await seedConversation(fixture, tenant, [
      { from: "customer", text: "Hi, how do I reset my password? I forgot it." },
    ]);
    const message = messages[0];
    if (!message) throw new Error("seeded no message");
    const { result, ctx } = await engine().execute({
      events: [messageReceived(tenant, message)],
      steps: debounceElapsed(),
    });
    const draft = await findDraftForMessage(fixture.runtime.database.db, tenant.orgId, message.id);
    expect(result).toEqual({ kind: "drafted", draftId: draft?.id, status: "pending_approval" });
    expect(ctx.step.sleep).toHaveBeenCalledWith("debounce", "5s");
    expect(ctx.step.run).toHaveBeenCalledWith("draft", expect.any(Function));
    expect(draft?.text).toContain("Forgot password");
    // The window is the app's setting (5 s by default), read in its own step.
    const window = await engine().executeStep("debounce-window", { events: [messageReceived(tenant, message)] });
    expect(window.result).toBe(5);
    expect(draft?.citations).toHaveLength(1);
    const ids = { v: 1, orgId: tenant.orgId, appId: tenant.appId, conversationId: message.conversationId };
    expect(await emitted(fixture, tenant.orgId)).toEqual([
      { name: "support/draft.created", data: { ...ids, draftId: draft?.id, status: "pending_approval" } },
      { name: "support/approval.requested", data: { ...ids, draftId: draft?.id } },
    ]);
  });

  it("answers only the newest message of a burst: an older one is skipped after the debounce", async () => {
    const { conversation, messages } = await seedConversation(fixture, tenant, [
      { from: "customer", text: "Hello?" },
      { from: "customer", text: "How do I reset my password?" },
    ]);
    const [older] = messages;
    if (!older) throw new Error("seeded no message");
    const before = await emitted(fixture, tenant.orgId);
    const { result } = await engine().execute({ events: [messageReceived(tenant, older)], steps: debounceElapsed() });
    expect(result).toEqual({ kind: "skipped", reason: "a newer customer message will be answered instead" });
    expect(await listDraftsForConversation(fixture.runtime.database.db, tenant.orgId, conversation.id)).toEqual([]);
    expect(await emitted(fixture, tenant.orgId)).toEqual(before);
  });

  it("never talks over a human: a teammate's reply after the customer withdraws the pending draft", async () => {
    const { messages } = await seedConversation(fixture, tenant, [
      { from: "customer", text: "How do I reset my password?" },
    ]);
    const [question] = messages;
    if (!question) throw new Error("seeded no message");
    const first = await engine().execute({ events: [messageReceived(tenant, question)], steps: debounceElapsed() });
    const pending = first.result as { draftId: string };
    // A follow-up arrives, and a teammate answers before the pipeline gets to it.
    const db = fixture.runtime.database.db;
    const followUp = await insertMessage(db, {
      ...question,
      text: "Still waiting, any news?",
      createdAt: new Date(question.createdAt.getTime() + 1000),
    });
    await insertMessage(db, {
      ...question,
      direction: "outbound",
      authorKind: "agent",
      authorName: "Sam",
      text: "On it, Ada: use Forgot password on the sign-in page.",
      createdAt: new Date(question.createdAt.getTime() + 2000),
    });
    const { result } = await engine().execute({
      events: [messageReceived(tenant, followUp)],
      steps: debounceElapsed(),
    });
    expect(result).toMatchObject({ kind: "skipped" });
    expect((result as { reason: string }).reason).toMatch(/teammate|human/);
    expect((await getDraft(db, tenant.orgId, pending.draftId))?.status).toBe("superseded");
    expect(await findDraftForMessage(db, tenant.orgId, followUp.id)).toBeUndefined();
  });

  it("a failing step (retrieval unreachable) fails the attempt without writing, and the retry drafts once", async () => {
    const { messages } = await seedConversation(fixture, tenant, [
      { from: "customer", text: "How can I reset my password please?" },
    ]);
    const [message] = messages;
    if (!message) throw new Error("seeded no message");
    const working = fixture.retrieve;
    fixture.retrieve = () => Promise.reject(new Error("vector store unreachable"));
    try {
      const { error } = await engine().execute({
        events: [messageReceived(tenant, message)],
        steps: debounceElapsed(),
      });
      expect(error).toMatchObject({ message: "vector store unreachable" });
    } finally {
      fixture.retrieve = working;
    }
    const db = fixture.runtime.database.db;
    expect(await findDraftForMessage(db, tenant.orgId, message.id)).toBeUndefined();
    const retried = await engine().execute({ events: [messageReceived(tenant, message)], steps: debounceElapsed() });
    expect(retried.result).toMatchObject({ kind: "drafted", status: "pending_approval" });
    // A redelivery after success finds the stored draft instead of making a second one.
    const again = await engine().execute({ events: [messageReceived(tenant, message)], steps: debounceElapsed() });
    expect(again.result).toMatchObject({ kind: "existing", draftId: (retried.result as { draftId: string }).draftId });
  });
});
