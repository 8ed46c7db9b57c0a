import { detectLanguage } from "../text/language.js";
import { sentences } from "../text/text.js";
import { carriesFact, contentStems, factKindsAsked } from "./answer-terms.js";
import { replyFrame } from "./reply-templates.js";

/**
 * The offline drafter: an extractive reply built from the retrieved passages' sentences that best
 * answer the customer, framed with a greeting and closing in the app's tone and the customer's
 * language, citing the passages it used. With nothing relevant, it declines and asks for a human.
 */

/** What the retrieval port returns; structural so the pipeline does not depend on the knowledge package. */
export interface RetrievedPassage {
  id: string;
  sourceId: string;
  title: string;
  url: string | null;
  text: string;
  score: number;
  /** The kind of source it comes from (file, url, macro, conversation ...), when the port knows it. */
  sourceKind?: string;
}

export interface Citation {
  passageId: string;
  sourceId: string;
  title: string;
  url: string | null;
}

export interface DraftRequest {
  /** The customer's message (subject included) that the reply answers. */
  question: string;
  customerName: string | null;
  language: string;
  tone: string;
  /** Who signs the reply, e.g. "The Acme team". */
  signature: string;
  passages: readonly RetrievedPassage[];
  /** Retrieval's verdict; false caps the draft's confidence, so it is never sent without a person. */
  relevant?: boolean;
  /** Facts from the product app (gather step), as "Label id: fact." lines; see `accountFacts`. */
  customerContext?: readonly string[];
}

export interface Draft {
  /** `decline`: nothing to send; a human must answer. */
  kind: "reply" | "decline";
  text: string;
  citations: Citation[];
  /** How much of the question the chosen sentences cover (0-1). */
  confidence: number;
  needsHuman: boolean;
  reasons: string[];
}

export interface DrafterOptions {
  /** Passages considered, best retrieval score first. */
  maxPassages: number;
  maxSentences: number;
  /** Share of the question's content words a sentence must share to count as an answer. */
  minSentenceCoverage: number;
}

export const DEFAULT_DRAFTER_OPTIONS: DrafterOptions = { maxPassages: 4, maxSentences: 3, minSentenceCoverage: 0.2 };

/** Per-item context lines ("Purchase pur_1: Course, 99.00 EUR on 2026-11-10, paid."): the fact after the label. */
const ITEM_LINE = /^\S+ \S+: (.+)$/;
const MAX_FACTS = 2;

/**
 * The account facts the customer's message is about: item lines (a purchase, a subscription)
 * sharing content words with the question, most shared first. A question naming no item gets none.
 */
export function accountFacts(question: Set<string>, lines: readonly string[]): string[] {
  return lines
    .flatMap((line) => {
      const fact = line.match(ITEM_LINE)?.[1];
      const shared = fact ? [...contentStems(fact)].filter((s) => question.has(s)).length : 0;
      return fact && shared > 0 ? [{ fact, shared }] : [];
    })
    .sort((a, b) => b.shared - a.shared)
    .slice(0, MAX_FACTS)
    .map((f) => f.fact);
}

/** The passage's language when its text says so clearly; null when it cannot be told. */
function passageLanguage(text: string): string | null {
  const detected = detectLanguage(text);
  return detected.language && detected.confidence >= 0.5 ? detected.language : null;
}

/**
 * Each sentence of the best passages scored on the question: the content stems it shares with
 * the question (those only its passage's title shares count half), and, when the question asks for
 * a duration, an amount or an hour, whether the sentence states one - the fact asked for.
 */
function candidatesFor(request: DraftRequest, question: Set<string>, options: DrafterOptions) {
  const asked = factKindsAsked(request.question);
  const passages = [...request.passages].sort((a, b) => b.score - a.score).slice(0, options.maxPassages);
  const denominator = question.size + (asked.length > 0 ? FACT_WEIGHT : 0);
  return passages.flatMap((passage, passageRank) => {
    const title = contentStems(passage.title);
    const language = passageLanguage(passage.text);
    return sentences(passage.text).map((text, position) => {
      const own = contentStems(text);
      const shared = [...question].filter((s) => own.has(s));
      const fromTitle = [...question].filter((s) => !own.has(s) && title.has(s));
      const onTopic = shared.length + fromTitle.length > 0;
      const carries = onTopic && asked.some((kind) => carriesFact(text, kind));
      const points = shared.length + fromTitle.length / 2 + (carries ? FACT_WEIGHT : 0);
      return {
        passage,
        passageRank,
        position,
        text,
        shared: [...shared, ...fromTitle],
        foreign: language !== null && language !== request.language,
        coverage: denominator ? points / denominator : 0,
      };
    });
  });
}

/** The confidence ceiling of a draft from passages retrieval judged weakly related. */
const WEAK_EVIDENCE = 0.5;

/** How much stating the kind of fact asked for (a duration, an amount) weighs, in content words. */
const FACT_WEIGHT = 0.75;

export function draftReply(request: DraftRequest, options: DrafterOptions = DEFAULT_DRAFTER_OPTIONS): Draft {
  const question = contentStems(request.question);
  const passages = request.passages;
  const all = candidatesFor(request, question, options);
  const qualifies = (c: (typeof all)[number]) => c.shared.length > 0 && c.coverage >= options.minSentenceCoverage;
  // Sentences in the customer's language answer when there are some; another language's only when there are none.
  const candidates = all.some((c) => qualifies(c) && !c.foreign) ? all.filter((c) => !c.foreign) : all;
  // A sentence must also be at least half as good as the best one, so weak matches do not pad the reply.
  const best = Math.max(0, ...candidates.map((c) => c.coverage));
  const chosen = candidates
    .filter((c) => qualifies(c) && c.coverage >= best / 2)
    .sort((a, b) => b.coverage - a.coverage || a.passageRank - b.passageRank || a.position - b.position)
    .slice(0, options.maxSentences)
    // Read in the passages' own order: retrieval rank first, then position within the passage.
    .sort((a, b) => a.passageRank - b.passageRank || a.position - b.position);
  if (chosen.length === 0) {
    return {
      kind: "decline",
      text: "",
      citations: [],
      confidence: 0,
      needsHuman: true,
      reasons: [
        passages.length === 0
          ? "needs a human: retrieval found no passage"
          : "needs a human: no retrieved passage answers the question",
      ],
    };
  }
  const covered = new Set(chosen.flatMap((c) => c.shared));
  const cited = [...new Map(chosen.map((c) => [c.passage.id, c.passage])).values()];
  const frame = replyFrame(request.language, request.tone);
  const facts = accountFacts(question, request.customerContext ?? []);
  const text = [
    frame.greeting(request.customerName),
    chosen.map((c) => c.text).join(" "),
    ...facts.map(frame.accountFact),
    frame.closing,
    `${frame.signOff}\n${request.signature}`,
  ].join("\n\n");
  return {
    kind: "reply",
    text,
    citations: cited.map((p) => ({ passageId: p.id, sourceId: p.sourceId, title: p.title, url: p.url })),
    confidence: Math.min(
      question.size ? covered.size / question.size : 0,
      request.relevant === false ? WEAK_EVIDENCE : 1,
    ),
    needsHuman: false,
    reasons: [
      `${chosen.length} sentence${chosen.length > 1 ? "s" : ""} from ${cited.map((p) => p.id).join(", ")}`,
      `covers ${covered.size} of ${question.size} content words of the question`,
      ...(request.relevant === false ? ["retrieval judged the passages weakly related to the question"] : []),
    ],
  };
}
