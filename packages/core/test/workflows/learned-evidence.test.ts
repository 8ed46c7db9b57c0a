import { getDraft } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processSource } from "../../src/knowledge/index.js";
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
});
