import { describe, expect, it } from "vitest";
import { type DraftRequest, draftReply, type RetrievedPassage } from "../../src/pipeline/drafter.js";
import { allGatesPassed, runGates } from "../../src/pipeline/gates/index.js";

const passages: RetrievedPassage[] = [
  {
    id: "psg_refunds",
    sourceId: "src_help",
    title: "Refund policy",
    url: "https://help.acme.example/refunds",
    text: "We offer refunds within 30 days of purchase. Refunds are sent to the original payment method within 5 business days. Gift cards cannot be refunded.",
    score: 12.4,
  },
  {
    id: "psg_invoices",
    sourceId: "src_help",
    title: "Invoices",
    url: null,
    text: "Invoices are available on the Billing page. You can download each invoice as a PDF.",
    score: 3.1,
  },
];

const request: DraftRequest = {
  question: "When will my refund be sent back to my payment method?",
  customerName: "Ann",
  language: "en",
  tone: "friendly",
  signature: "The Acme team",
  passages,
};

describe("draftReply", () => {
  it("answers with the passage sentences that match the question, cited", () => {
    const draft = draftReply(request);
    expect(draft.kind).toBe("reply");
    expect(draft.text).toMatch(/^Hi Ann,/);
    expect(draft.text).toContain("Refunds are sent to the original payment method within 5 business days.");
    expect(draft.text).not.toContain("Invoices are available");
    expect(draft.text).not.toContain("Gift cards");
    expect(draft.text).not.toContain("within 30 days");
    expect(draft.text).toMatch(/Best,\nThe Acme team$/);
    expect(draft.citations).toEqual([
      {
        passageId: "psg_refunds",
        sourceId: "src_help",
        title: "Refund policy",
        url: "https://help.acme.example/refunds",
      },
    ]);
    expect(draft.confidence).toBeGreaterThan(0);
    expect(draft.needsHuman).toBe(false);
  });

  it("passes every validation gate", () => {
    const draft = draftReply(request);
    const gates = runGates({
      text: draft.text,
      citedPassageIds: draft.citations.map((c) => c.passageId),
      passages,
      customerData: [],
      customerLanguage: "en",
      bannedPhrases: [],
      earlierReplies: [],
    });
    expect(gates.filter((g) => !g.passed)).toEqual([]);
    expect(allGatesPassed(gates)).toBe(true);
  });

  it("frames the reply in the customer's language and the app's tone", () => {
    const french = draftReply({ ...request, language: "fr", tone: "formal", customerName: null });
    expect(french.text).toMatch(/^Bonjour,/);
    expect(french.text).toMatch(/Cordialement,\nThe Acme team$/);
    expect(draftReply({ ...request, language: "mg" }).text).toMatch(/^Salama Ann,/);
    expect(draftReply({ ...request, tone: "formal" }).text).toMatch(/Kind regards,/);
  });

  it("declines, asking for a human, when nothing relevant was retrieved", () => {
    expect(draftReply({ ...request, passages: [] })).toMatchObject({
      kind: "decline",
      text: "",
      citations: [],
      needsHuman: true,
      reasons: ["needs a human: retrieval found no passage"],
    });
    const offTopic = draftReply({ ...request, question: "Do you ship to Madagascar?" });
    expect(offTopic).toMatchObject({ kind: "decline", needsHuman: true });
    expect(offTopic.reasons[0]).toMatch(/no retrieved passage answers/);
  });

  it("is deterministic", () => {
    expect(draftReply(request)).toEqual(draftReply(request));
  });
});
