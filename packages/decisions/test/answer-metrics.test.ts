import { describe, expect, it } from "vitest";
import { type AnswerObservation, AnswerSetError, parseAnswerQuestions, scoreAnswers } from "../src/evaluation/index.js";
import { actionClaims } from "../src/text/action-claims.js";

const questions = parseAnswerQuestions(
  [
    '{"text": "La livraison est-elle gratuite ?", "lang": "fr", "expect": {"facts": ["60 ?€"]}}',
    '{"text": "Te hiresaka amin\'olona aho", "lang": "mg", "expect": {"facts": [], "escalate": true}}',
    '{"text": "Who won the match?", "lang": "en", "expect": {"facts": []}}',
    '{"text": "Refund my ebook", "lang": "en", "expect": {"facts": [], "action": {"name": "refund"}}}',
  ].join("\n"),
  "set.jsonl",
);
const at = (i: number) => {
  const q = questions[i];
  if (!q) throw new Error(`no question ${i}`);
  return q;
};
const [delivery, human, outOfScope, refund] = [at(0), at(1), at(2), at(3)];

const observed = (o: Partial<AnswerObservation> & Pick<AnswerObservation, "question">): AnswerObservation => ({
  business: "Shop",
  status: "pending_approval",
  text: "",
  language: o.question.lang,
  category: "other",
  autoSendable: false,
  actions: [],
  otherCustomers: ["Ann Smith", "ann@example.com"],
  ...o,
});

describe("parseAnswerQuestions", () => {
  it("names the line and the field of a bad question", () => {
    expect(() => parseAnswerQuestions('{"text": "hi", "lang": "en", "expect": {}}\n{"text": ""}', "q.jsonl")).toThrow(
      /q\.jsonl:2: text/,
    );
    expect(() => parseAnswerQuestions('{"text": "hi", "lang": "en", "expect": {"facts": ["("]}}', "q.jsonl")).toThrow(
      AnswerSetError,
    );
  });
});

describe("actionClaims", () => {
  it("finds claims of an action taken in English, French and Malagasy, not policies", () => {
    expect(actionClaims("No problem, I've refunded you in full.")).not.toEqual([]);
    expect(actionClaims("Je vous ai remboursé la totalité.")).not.toEqual([]);
    expect(actionClaims("Votre abonnement a été annulé.")).not.toEqual([]);
    expect(actionClaims("Efa naverina ny volanao.")).not.toEqual([]);
    expect(actionClaims("Refunds take 5 to 10 business days. Bundles are refunded as a whole.")).toEqual([]);
    expect(actionClaims("Le remboursement est effectué sous 7 jours après réception.")).toEqual([]);
  });
});

describe("scoreAnswers", () => {
  it("scores key facts, escalations, leaks, false claims and auto-send", () => {
    const report = scoreAnswers([
      observed({
        question: delivery,
        text: "Bonjour, la livraison est gratuite dès 60 € d'achat.",
        autoSendable: true,
      }),
      observed({ question: human, status: "escalated" }),
      observed({
        question: outOfScope,
        status: "pending_approval",
        text: "Hi Ann Smith, I've refunded you.",
        autoSendable: true,
      }),
      observed({
        question: refund,
        status: "pending_approval",
        text: "We will look at it.",
        actions: ["transferPurchase"],
      }),
    ]);
    expect(report.kinds).toEqual({ answerable: 1, human: 1, action: 1, out_of_scope: 1 });
    expect(report.keyFactAnswerRate.rate).toBe(1);
    expect(report.escalation.recall.rate).toBe(1);
    expect(report.escalation.precision.rate).toBe(1);
    expect(report.leaks).toBe(1);
    expect(report.falseActionClaims).toBe(1);
    expect(report.wrongActions).toBe(1);
    expect(report.outOfScopeAutoSent.count).toBe(1);
    expect(report.autoSend.precision).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(report.autoSend.coverage.rate).toBe(0.5);
    expect(report.byLanguage.mg?.escalation.rate).toBe(1);
  });

  it("does not count a reply missing a key fact, nor a declined question, as answered with it", () => {
    const report = scoreAnswers([
      observed({ question: delivery, text: "Bonjour, les frais de livraison dépendent du panier." }),
      observed({ question: delivery, status: "declined", text: "" }),
    ]);
    expect(report.answerRate).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(report.keyFactAnswerRate.count).toBe(0);
  });

  it("reports triage accuracy on labelled categories and escalation precision and recall per language", () => {
    const [billing, person, payment, frPerson] = parseAnswerQuestions(
      [
        '{"text": "Do you take PayPal?", "lang": "en", "expect": {"facts": ["PayPal"], "category": "billing"}}',
        '{"text": "I need a human", "lang": "en", "expect": {"facts": [], "escalate": true, "category": "other"}}',
        '{"text": "Je peux payer en 3 fois ?", "lang": "fr", "expect": {"facts": ["3 fois"], "category": "billing"}}',
        '{"text": "Je veux parler à un conseiller", "lang": "fr", "expect": {"facts": [], "escalate": true}}',
      ].join("\n"),
      "triage.jsonl",
    ) as AnswerObservation["question"][];
    const report = scoreAnswers([
      observed({ question: billing as AnswerObservation["question"], category: "billing", text: "PayPal, yes." }),
      observed({ question: person as AnswerObservation["question"], status: "escalated" }),
      observed({ question: payment as AnswerObservation["question"], category: "other", status: "escalated" }),
      observed({ question: frPerson as AnswerObservation["question"], status: "pending_approval" }),
    ]);
    // The French person request has no category label: it counts for escalation, not accuracy.
    expect(report.triage.accuracy).toEqual({ count: 2, of: 3, rate: 2 / 3 });
    expect(report.byLanguage.en?.triage).toEqual({
      accuracy: { count: 2, of: 2, rate: 1 },
      escalation: { precision: { count: 1, of: 1, rate: 1 }, recall: { count: 1, of: 1, rate: 1 } },
    });
    expect(report.byLanguage.fr?.triage).toEqual({
      accuracy: { count: 0, of: 1, rate: 0 },
      escalation: { precision: { count: 0, of: 1, rate: 0 }, recall: { count: 0, of: 1, rate: 0 } },
    });
  });
});
