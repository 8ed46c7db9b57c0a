import { foldText } from "../text/text.js";
import { classify, DEFAULT_CLASSIFIER_OPTIONS, type IntentClassifier, trainClassifier } from "../triage/classifier.js";

/**
 * What a customer's reply to a quote means: accept, refuse, a question, or more information. The
 * offline interpreter is a classifier trained on phrasings in French and English (so "c'est bon
 * pour moi" counts without being listed), with two structural cues a classifier cannot see: new
 * attachments or measures are more information, and a question mark with nothing decided is a
 * question.
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

const QUESTION_START =
  /^(?:est-ce|pourquoi|comment|combien|quand|quel(?:le)?s?|ou|puis-je|peut-on|how|why|when|what|which|where|can|could|do|does|is|are)\b/;

/** Reads a reply. `news`: the reply brought attachments or measures the procedure extracts. */
export function interpretReply(text: string, news: { newFields: string[] } = { newFields: [] }): ReplyReading {
  const folded = foldText(text).trim();
  const c = classify(classifier(), text);
  const ranked = `${c.label} ${c.confidence.toFixed(2)}`;
  if (news.newFields.length > 0 && c.label !== "accept" && c.label !== "refuse") {
    return {
      intent: "more_info",
      confidence: 0.9,
      reasons: [`new ${news.newFields.join(", ")}`, `classifier ${ranked}`],
    };
  }
  const asks = folded.includes("?") || QUESTION_START.test(folded);
  if (asks && c.label !== "question" && c.confidence < 0.6) {
    return { intent: "question", confidence: 0.7, reasons: ["asks something", `classifier unsure (${ranked})`] };
  }
  return { intent: c.label as ReplyIntent, confidence: c.confidence, reasons: [`classifier ${ranked}`] };
}
