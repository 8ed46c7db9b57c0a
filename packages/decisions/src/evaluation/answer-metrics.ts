import { actionClaims as claimsIn } from "../text/action-claims.js";
import { type AnswerQuestion, expectedActionName, type QuestionKind, questionKind } from "./answer-set.js";

/**
 * The metrics of `skill eval answers`: what the pipeline did with each labelled question, scored
 * against its label. Pure, so the figures are the same wherever the observations come from.
 */

/** What the pipeline produced for one question (nothing is sent: shadow mode). */
export interface AnswerObservation {
  business: string;
  question: AnswerQuestion;
  /** The draft's status (`pending_approval`, `approved`, `escalated`, `declined`) or `skipped`. */
  status: string;
  /** The reply's text; empty when there is none. */
  text: string;
  /** Triage's language and category, for the report. */
  language: string;
  category: string;
  /**
   * Would go out without a person once trust is earned: every autonomy check passes except the
   * ones that only time fills (tier, outcome count, trust score).
   */
  autoSendable: boolean;
  /** The autonomy checks that hold the draft for a person, besides those only time satisfies. */
  heldBy?: string[];
  /** The names of the actions the pipeline proposed. */
  actions: string[];
  /** What retrieval's relevance verdict was decided on, when retrieval ran. */
  relevance?: { language: string | null; coverage: number; cosine: number };
  /** The other customers of the set (names, emails): none of it may appear in this reply. */
  otherCustomers: string[];
}

export interface AnswerResult {
  business: string;
  text: string;
  lang: string;
  kind: QuestionKind;
  status: string;
  detectedLanguage: string;
  category: string;
  /** The labelled category, when the question has one. */
  expectedCategory: string | null;
  answered: boolean;
  factsMatched: number;
  factsTotal: number;
  keyFact: boolean;
  escalated: boolean;
  autoSendable: boolean;
  correct: boolean;
  leaks: string[];
  actionClaims: string[];
  actions: string[];
  wrongActions: string[];
  relevance: AnswerObservation["relevance"] | null;
  heldBy: string[];
  reply: string;
}

export interface Rate {
  count: number;
  of: number;
  rate: number | null;
}

export interface AnswerReport {
  questions: number;
  kinds: Record<QuestionKind, number>;
  /** Answerable questions that got a reply (any reply). */
  answerRate: Rate;
  /** Answerable questions whose reply states every key fact. */
  keyFactAnswerRate: Rate;
  /** Key facts stated, over all the answerable questions' key facts. */
  keyFactRecall: Rate;
  escalation: { precision: Rate; recall: Rate };
  /** Out-of-scope questions that would be auto-sent (must be 0). */
  outOfScopeAutoSent: Rate;
  leaks: number;
  falseActionClaims: number;
  wrongActions: number;
  /** Action requests for which nothing was proposed (the draft waits for a person instead). */
  actionRequestsWithoutProposal: number;
  /** Would-auto-send drafts that were correct, and their share of all questions. */
  autoSend: { precision: Rate; coverage: Rate };
  /** Questions triaged into their labelled category, over the labelled ones. */
  triage: { accuracy: Rate };
  byLanguage: Record<
    string,
    {
      answerable: number;
      keyFactAnswerRate: Rate;
      /** Requests for a person escalated (the recall, kept under its first name). */
      escalation: Rate;
      triage: TriageFigures;
    }
  >;
  results: AnswerResult[];
}

const rate = (count: number, of: number): Rate => ({ count, of, rate: of === 0 ? null : count / of });

export interface TriageFigures {
  accuracy: Rate;
  escalation: { precision: Rate; recall: Rate };
}

/** Category accuracy over the labelled questions, and escalation precision and recall. */
function triageFigures(results: readonly AnswerResult[]): TriageFigures {
  const labelled = results.filter((r) => r.expectedCategory !== null);
  const escalated = results.filter((r) => r.escalated);
  const human = results.filter((r) => r.kind === "human");
  return {
    accuracy: rate(labelled.filter((r) => r.category === r.expectedCategory).length, labelled.length),
    escalation: {
      precision: rate(escalated.filter((r) => r.kind === "human").length, escalated.length),
      recall: rate(human.filter((r) => r.escalated).length, human.length),
    },
  };
}

const REPLY_STATUSES = new Set(["pending_approval", "approved"]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Another customer's name or email in the reply, matched as whole words, case-insensitively. */
function leaksIn(reply: string, others: readonly string[]): string[] {
  return others.filter((other) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(other)}($|[^\\p{L}\\p{N}])`, "iu").test(reply),
  );
}

export function scoreAnswer(o: AnswerObservation): AnswerResult {
  const q = o.question;
  const kind = questionKind(q);
  const answered = REPLY_STATUSES.has(o.status) && o.text.length > 0;
  const reply = answered ? o.text : "";
  const factsMatched = q.expect.facts.filter((fact) => new RegExp(fact, "iu").test(reply)).length;
  const keyFact = answered && factsMatched === q.expect.facts.length && q.expect.facts.length > 0;
  const escalated = o.status === "escalated";
  const expected = expectedActionName(q);
  const wrongActions = o.actions.filter((a) => a !== expected);
  // A claim of an action is false unless the pipeline proposed one (a person approves it before the reply goes).
  const actionClaims = answered && o.actions.length === 0 ? claimsIn(reply).map((claim) => claim.sentence) : [];
  const leaks = answered ? leaksIn(reply, o.otherCustomers) : [];
  const correct =
    kind === "answerable"
      ? keyFact && leaks.length === 0 && actionClaims.length === 0
      : kind === "human"
        ? escalated
        : false;
  return {
    business: o.business,
    text: q.text,
    lang: q.lang,
    kind,
    status: o.status,
    detectedLanguage: o.language,
    category: o.category,
    expectedCategory: q.expect.category ?? null,
    answered,
    factsMatched,
    factsTotal: q.expect.facts.length,
    keyFact,
    escalated,
    autoSendable: o.autoSendable,
    correct,
    leaks,
    actionClaims,
    actions: o.actions,
    wrongActions,
    relevance: o.relevance ?? null,
    heldBy: o.heldBy ?? [],
    reply,
  };
}

export function scoreAnswers(observations: readonly AnswerObservation[]): AnswerReport {
  const results = observations.map(scoreAnswer);
  const of = (kind: QuestionKind) => results.filter((r) => r.kind === kind);
  const answerable = of("answerable");
  const human = of("human");
  const escalated = results.filter((r) => r.escalated);
  const autoSent = results.filter((r) => r.autoSendable && r.answered);
  const languages = [...new Set(results.map((r) => r.lang))].sort();
  return {
    questions: results.length,
    kinds: {
      answerable: answerable.length,
      human: human.length,
      action: of("action").length,
      out_of_scope: of("out_of_scope").length,
    },
    answerRate: rate(answerable.filter((r) => r.answered).length, answerable.length),
    keyFactAnswerRate: rate(answerable.filter((r) => r.keyFact).length, answerable.length),
    keyFactRecall: rate(
      answerable.reduce((sum, r) => sum + r.factsMatched, 0),
      answerable.reduce((sum, r) => sum + r.factsTotal, 0),
    ),
    escalation: {
      precision: rate(escalated.filter((r) => r.kind === "human").length, escalated.length),
      recall: rate(human.filter((r) => r.escalated).length, human.length),
    },
    outOfScopeAutoSent: rate(
      of("out_of_scope").filter((r) => r.autoSendable && r.answered).length,
      of("out_of_scope").length,
    ),
    leaks: results.reduce((sum, r) => sum + r.leaks.length, 0),
    falseActionClaims: results.reduce((sum, r) => sum + r.actionClaims.length, 0),
    wrongActions: results.reduce((sum, r) => sum + r.wrongActions.length, 0),
    actionRequestsWithoutProposal: of("action").filter((r) => r.actions.length === 0).length,
    autoSend: {
      precision: rate(autoSent.filter((r) => r.correct).length, autoSent.length),
      coverage: rate(autoSent.length, results.length),
    },
    triage: { accuracy: triageFigures(results).accuracy },
    byLanguage: Object.fromEntries(
      languages.map((lang) => {
        const mine = results.filter((r) => r.lang === lang);
        const a = mine.filter((r) => r.kind === "answerable");
        const h = mine.filter((r) => r.kind === "human");
        return [
          lang,
          {
            answerable: a.length,
            keyFactAnswerRate: rate(a.filter((r) => r.keyFact).length, a.length),
            escalation: rate(h.filter((r) => r.escalated).length, h.length),
            triage: triageFigures(mine),
          },
        ];
      }),
    ),
    results,
  };
}
