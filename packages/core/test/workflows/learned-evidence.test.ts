import { getDraft } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTextSource, processSource } from "../../src/knowledge/index.js";
import { approveDraft } from "../../src/review/decisions.js";
import { sendApprovedDraft } from "../../src/review/send-approved.js";
import { OPERATOR } from "../../src/service/context.js";
import { draftOnMessage } from "../../src/workflows/draft-on-message.js";
import { learnOnReply } from "../../src/workflows/learn-on-reply.js";
import {
  debounceElapsed,
  messageReceived,
  openPipelineFixture,
  type PipelineFixture,
  seedConversation,
  seedTenant,
  testEngine,
} from "./pipeline-fixture.js";

const sam = { kind: "api_key", role: "agent", name: "Sam" } as const;

/** The cross-customer leak: a reply approved for one customer, learned, then the next customer asks. */
describe("learned conversations are evidence, never canned answers", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
  });
  afterAll(() => fixture.close());

  async function draftFor(name: string, text: string) {
    const { messages } = await seedConversation(fixture, tenant, [{ from: "customer", text }], { name });
    const [question] = messages;
    if (!question) throw new Error("seeded no message");
    const { result } = await testEngine(draftOnMessage(fixture.inngest, fixture.platform)).execute({
      events: [messageReceived(tenant, question)],
      steps: debounceElapsed(),
    });
    const draft = await getDraft(fixture.runtime.database.db, tenant.orgId, (result as { draftId: string }).draftId);
    if (!draft) throw new Error(`no draft: ${JSON.stringify(result)}`);
    return draft;
  }

  it("keeps the first customer's name, amounts and the refund statement out of the next customer's draft", async () => {
    const first = await draftFor("Ada Lovelace", "Hello, can I get a refund for my course? I bought it last week.");
    await approveDraft(fixture.context(tenant.orgId, sam), first.id, {
      text:
        "Hi Ada, no problem: refunds of a course are possible within 30 days of purchase. " +
        "So I've refunded you in full, 99 EUR for order #4412.\n\nBest,\nSam\nThe Shop team",
    });
    const sent = await sendApprovedDraft(fixture.context(tenant.orgId), first.id);
    const { result } = await testEngine(learnOnReply(fixture.inngest, fixture.platform)).execute({
      events: [
        {
          name: "support/reply.sent" as const,
          data: {
            v: 1 as const,
            ...tenant,
            conversationId: first.conversationId,
            draftId: first.id,
            deliveryId: sent.deliveryId ?? "",
          },
        },
      ],
    });
    const { sourceId } = result as { sourceId: string };
    await processSource(fixture.context(tenant.orgId, OPERATOR), sourceId);
    const db = fixture.runtime.database.db;
    const learned = (await db.q.select().from(db.t.knowledgeChunks)).filter((c) => c.sourceId === sourceId);
    expect(learned.map((c) => c.text)).toEqual([
      "no problem: refunds of a course are possible within 30 days of purchase.",
    ]);

    const second = await draftFor("Bea Smith", "Could I get a refund for my course please?");
    expect(second.text).toContain("refunds of a course are possible within 30 days of purchase");
    expect(second.text).toMatch(/^Hi Bea Smith,/);
    expect(second.text).not.toMatch(/Ada|Lovelace|Sam\b|refunded you|4412|99 EUR/);
  });

  it("refuses a draft that claims an action nobody executed or proposed, in the draft's gate results", async () => {
    const operator = fixture.context(tenant.orgId, OPERATOR);
    const source = await addTextSource(operator, {
      app: tenant.appId,
      title: "Outage of March",
      body: "# Outage of March\n\nWe have cancelled every order placed during the March outage.\n",
    });
    await processSource(operator, source.id);
    const draft = await draftFor("Carl Rossi", "Was my order placed during the March outage cancelled?");
    expect(draft.text).toContain("We have cancelled every order placed during the March outage.");
    expect(
      (draft.gates as { gate: string; passed: boolean; findings?: string[] }[]).find((g) => g.gate === "action_claims"),
    ).toEqual({
      gate: "action_claims",
      passed: false,
      reason: expect.stringMatching(/^claims an action this conversation neither executed nor proposes/),
      findings: ['cancellation: "We have cancelled every order placed during the March outage."'],
    });
    expect(draft.status).toBe("pending_approval");
  });
});
