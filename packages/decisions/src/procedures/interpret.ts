import { classify, DEFAULT_CLASSIFIER_OPTIONS, type IntentClassifier, trainClassifier } from "../triage/classifier.js";
import { scoreReplyCues } from "./reply-features.js";

/**
 * What a customer's reply to a quote means: accept, refuse, a question, or more information. The
 * offline interpreter weighs cues with negation handling (ADR 0114), a classifier trained on
 * phrasings in French and English (so "c'est bon pour moi" counts without being listed), and what
 * a classifier cannot see: new attachments or measures are more information.
 */

export type ReplyIntent = "accept" | "refuse" | "question" | "more_info";

export interface ReplyReading {
  intent: ReplyIntent;
  confidence: number;
  reasons: string[];
}

const EXAMPLES: Record<ReplyIntent, string[]> = {
  accept: [
    "Parfait, je valide",
    "Je valide le devis",
    "C'est d'accord pour moi",
    "Ok, allez-y",
    "Très bien, on lance la commande",
    "Bon pour accord",
    "Oui, je confirme",
    "Ça me convient, merci",
    "Perfect, I accept",
    "I accept the quote",
    "Sounds good, go ahead",
    "Yes please, let's do it",
    "Deal, please proceed",
    "That works for me",
  ],
  refuse: [
    "Trop cher, j'annule",
    "Non merci, je ne donne pas suite",
    "Je ne valide pas ce devis",
    "J'annule ma demande",
    "C'est au-dessus de mon budget",
    "Finalement je renonce",
    "Pas intéressé, merci",
    "Too expensive, I'll pass",
    "No thanks, please cancel",
    "I don't accept the quote",
    "I changed my mind, cancel the request",
    "That's over my budget",
    "Not interested anymore",
  ],
  question: [
    "Combien de temps faut-il pour la livraison ?",
    "Est-ce que le fichier sera au format STL ?",
    "Pourquoi deux crédits et pas un ?",
    "Quels formats livrez-vous ?",
    "Puis-je payer en plusieurs fois ?",
    "How long will it take?",
    "Which file formats do you deliver?",
    "Why does it cost two credits?",
    "Can I pay later?",
    "Do you include textures?",
  ],
  more_info: [
    "Voici les photos demandées",
    "Je vous envoie les dimensions",
    "Ci-joint le plan de l'objet",
    "Les mesures sont 40 cm sur 30 cm",
    "J'ai oublié de préciser la couleur",
    "Here are the photos you asked for",
    "Attached is the drawing",
    "The measurements are 40 by 30 cm",
    "I forgot to mention it is made of wood",
  ],
};

let trained: IntentClassifier | undefined;
/** Trained once per process, on first use (a fraction of a second); no abstention: a cue or a person decides. */
function classifier(): IntentClassifier {
  trained ??= trainClassifier(
    Object.entries(EXAMPLES).flatMap(([label, texts]) => texts.map((text) => ({ text, label }))),
    { ...DEFAULT_CLASSIFIER_OPTIONS, abstainBelow: 0 },
  );
  return trained;
}

const INTENTS: ReplyIntent[] = ["accept", "refuse", "question", "more_info"];
/** The classifier's probability counts as one weighted cue among the others. */
const CLASSIFIER_WEIGHT = 1.5;
/** New attachments or measures the procedure extracts: more information, unless a decision outweighs it. */
const NEWS_WEIGHT = 2.5;
/** A cue score from which the reply is a decision (one strong cue: "je valide", "cancel"). */
const DECISION = 2;

/**
 * Reads a reply: weighted cues with negation (`scoreReplyCues`), the classifier's probabilities,
 * and `news` (the reply brought attachments or measures the procedure extracts). Confidence is
 * the winner's share of a softmax over the scores. Deterministic; no model call.
 */
export function interpretReply(text: string, news: { newFields: string[] } = { newFields: [] }): ReplyReading {
  const c = classify(classifier(), text);
  const cues = scoreReplyCues(text);
  const scores = { ...cues.scores };
  for (const r of c.ranked) scores[r.label as ReplyIntent] += CLASSIFIER_WEIGHT * r.probability;
  // A reply that decides ("je valide, voici aussi la photo") is a decision, whatever it brings.
  const decides = Math.max(cues.scores.accept, cues.scores.refuse) >= DECISION;
  if (news.newFields.length > 0 && !decides) scores.more_info += NEWS_WEIGHT;
  const ranked = [...INTENTS].sort((a, b) => scores[b] - scores[a] || INTENTS.indexOf(a) - INTENTS.indexOf(b));
  const intent = ranked[0] as ReplyIntent;
  const exp = INTENTS.map((i) => Math.exp(scores[i] - scores[intent]));
  const confidence = 1 / exp.reduce((sum, e) => sum + e, 0);
  const reasons = [
    ...(cues.matched.length ? [`cues ${cues.matched.join(", ")}`] : []),
    ...(news.newFields.length ? [`new ${news.newFields.join(", ")}`] : []),
    `classifier ${c.label} ${c.confidence.toFixed(2)}`,
  ];
  return { intent, confidence: Number(confidence.toFixed(3)), reasons };
}
