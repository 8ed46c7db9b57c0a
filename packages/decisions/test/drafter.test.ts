import { describe, expect, it } from "vitest";
import { type DraftRequest, draftReply, type RetrievedPassage } from "../src/drafting/drafter.js";
import { allGatesPassed, runGates } from "../src/gates/index.js";

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

  it("states the account fact the message is about, and the gates accept its figures as the customer's data", () => {
    const customerContext = [
      "Customer account usr_ann (Ann, ann@example.com).",
      "Purchase pur_course: TypeScript Pro course, 99.00 EUR on 2026-11-10, paid.",
      "Purchase pur_ebook: Testing ebook, 19.00 EUR on 2026-06-01, paid.",
    ];
    const question = "When will my refund for the TypeScript course be sent back?";
    const draft = draftReply({ ...request, question, customerContext });
    expect(draft.text).toContain("On your account: TypeScript Pro course, 99.00 EUR on 2026-11-10, paid.");
    expect(draft.text).not.toContain("ebook");
    expect(draft.text).not.toContain("usr_ann");
    const gates = (customerData: string[]) =>
      runGates({
        text: draft.text,
        citedPassageIds: draft.citations.map((c) => c.passageId),
        passages,
        customerData,
        customerLanguage: "en",
        bannedPhrases: [],
        earlierReplies: [],
      });
    expect(allGatesPassed(gates(customerContext))).toBe(true);
    expect(gates([]).find((g) => g.gate === "unsupported_claims")?.passed).toBe(false);
    // A message naming no purchase gets no account fact.
    expect(draftReply({ ...request, customerContext }).text).not.toContain("On your account");
  });
});
