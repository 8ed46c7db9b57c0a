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
});
