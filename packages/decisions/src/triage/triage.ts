import { detectLanguage } from "../text/language.js";
import { isTopicless } from "../text/notions.js";
import { words } from "../text/text.js";
import { type AutomatedKind, detectAutomated, type InboundEnvelope } from "./automated-messages.js";
import { DEFAULT_CATEGORIES, type TriageCategory } from "./categories.js";
import { TRIAGE_NOTIONS } from "./category-notions.js";
import {
  type ClassifierOptions,
  classify,
  DEFAULT_CLASSIFIER_OPTIONS,
  type IntentClassifier,
  rankAmong,
  trainClassifier,
} from "./classifier.js";
import { signalRules } from "./custom-categories.js";
import { DEFAULT_FEATURE_OPTIONS } from "./features.js";
import { detectHumanRequest } from "./human-request.js";
import {
  DEFAULT_INTENT_RULES,
  type IntentRule,
  matchIntents,
  type Priority,
  riskSignals,
  type Sentiment,
  sentimentOf,
  spamSignal,
} from "./signals.js";

/**
 * Offline triage: rules first (automated mail, "talk to a human", spam, intent keywords), then the
 * classifier trained on the app's category examples. Every decision leaves a reason.
 */

/** Named like the app's never-auto-send list, so the autonomy policy can match them. */
export type TriageFlag = "angry_customer" | "legal" | "security";

export interface TriageResult {
  category: string;
  intent: string;
  priority: Priority;
  language: string;
  sentiment: Sentiment;
  spam: boolean;
  needsHuman: boolean;
  confidence: number;
  reasons: string[];
  flags: TriageFlag[];
  /** Auto-replies and bounces are triaged so they can be ignored, never answered. */
  automated: AutomatedKind | null;
}

export interface TriageModel {
  categories: TriageCategory[];
  intentRules: IntentRule[];
  classifier: IntentClassifier;
}

/** Confidence of an intent keyword the classifier agrees with, or does not contradict. */
export const KEYWORD_CONFIDENCE = { agreed: 0.95, alone: 0.85, contradicted: 0.6 } as const;
const SPAM_CONFIDENCE = 0.95;
/** Below this share of the language evidence, the app's language is a better guess. */
const LANGUAGE_MIN_CONFIDENCE = 0.4;

/** The triage classifier's features add stems and support notions, so one language's examples teach the others. */
export const TRIAGE_CLASSIFIER_OPTIONS: ClassifierOptions = {
  ...DEFAULT_CLASSIFIER_OPTIONS,
  features: { ...DEFAULT_FEATURE_OPTIONS, notions: TRIAGE_NOTIONS, stopWords: isTopicless },
};

export function buildTriageModel(
  categories: TriageCategory[] = DEFAULT_CATEGORIES,
  opts: { intentRules?: IntentRule[]; classifier?: ClassifierOptions } = {},
): TriageModel {
  const rows = categories.flatMap((c) => [c.description, ...c.examples].map((text) => ({ text, label: c.name })));
  return {
    categories,
    intentRules: [
      ...signalRules(categories),
      ...(opts.intentRules ?? DEFAULT_INTENT_RULES).filter((r) => categories.some((c) => c.name === r.category)),
    ],
    classifier: trainClassifier(rows, opts.classifier ?? TRIAGE_CLASSIFIER_OPTIONS),
  };
}

export function triage(message: InboundEnvelope, model: TriageModel, opts: { defaultLanguage: string }): TriageResult {
  const text = [message.subject, message.text].filter(Boolean).join("\n");
  // Attachment names carry signals (".stl") but are no words of the customer's.
  const signalText = [text, ...(message.attachments ?? [])].join("\n");
  const reasons: string[] = [];
  const detected = detectLanguage(text);
  const language =
    detected.language && detected.confidence >= LANGUAGE_MIN_CONFIDENCE ? detected.language : opts.defaultLanguage;
  reasons.push(
    language === detected.language
      ? `language ${language} (${detected.confidence.toFixed(2)})`
      : `language unclear, app default ${language}`,
  );
  const sentiment = sentimentOf(message.text);
  const has = (name: string) => model.categories.some((c) => c.name === name);
  const fallback = has("other") ? "other" : (model.categories[0]?.name ?? "other");

  const automated = detectAutomated(message);
  if (automated) {
    reasons.push(`${automated.kind}: ${automated.reason}`);
    return {
      category: fallback,
      intent: automated.kind,
      priority: "low",
      language,
      sentiment,
      spam: false,
      needsHuman: false,
      confidence: 1,
      reasons,
      flags: [],
      automated: automated.kind,
    };
  }

  const human = detectHumanRequest(text);
  if (human) reasons.push(`asks for a human (${human.language}: "${human.phrase}")`);
  const spam = spamSignal(text);
  // The words asking for a person say nothing of the topic ("mila miresaka" is no payment question).
  const topicText = human ? human.rest : text;
  const classification = classify(model.classifier, topicText);
  const top = `${classification.label} ${classification.confidence.toFixed(2)}`;
  let category: string;
  let intent: string;
  let confidence: number;
  const intentRules = matchIntents(signalText, model.intentRules);
  const keywordCategories = [...new Set(intentRules.map((r) => r.category))];
  if (spam && has("spam")) {
    category = "spam";
    intent = "spam";
    confidence = SPAM_CONFIDENCE;
    reasons.push(`spam signal "${spam}"`);
  } else if (keywordCategories.length === 1) {
    category = keywordCategories[0] as string;
    intent = (intentRules[0] as IntentRule).intent;
    const agrees = classification.label === category;
    const decisive = intentRules.some((r) => r.decisive);
    confidence = agrees
      ? Math.max(KEYWORD_CONFIDENCE.agreed, classification.confidence)
      : classification.abstained || decisive
        ? KEYWORD_CONFIDENCE.alone
        : KEYWORD_CONFIDENCE.contradicted;
    reasons.push(
      `keyword intent ${intent}`,
      agrees ? `classifier agrees (${top})` : `classifier says ${top}${classification.abstained ? ", abstained" : ""}`,
    );
  } else if (keywordCategories.length > 1) {
    // Several intents named ("remboursez ma commande"): the one the classifier finds likelier.
    category = rankAmong(model.classifier, topicText, keywordCategories);
    intent = (intentRules.find((r) => r.category === category) as IntentRule).intent;
    confidence = KEYWORD_CONFIDENCE.contradicted;
    reasons.push(`keywords point at ${keywordCategories.join(", ")}; classifier prefers ${category}`);
  } else if (human && !words(topicText).some((w) => w.length >= 3 && !isTopicless(w))) {
    category = fallback;
    intent = "human_request";
    confidence = KEYWORD_CONFIDENCE.alone;
    reasons.push("asks only for a person");
  } else {
    category = classification.abstained ? fallback : classification.label;
    intent = category;
    confidence = classification.confidence;
    reasons.push(
      classification.abstained
        ? `classifier abstained (${top} < ${model.classifier.abstainBelow.toFixed(2)})`
        : `classifier ${top}`,
    );
  }

  const signals = riskSignals(text);
  const flags: TriageFlag[] = [];
  if (sentiment === "negative") flags.push("angry_customer");
  if (signals.legal) flags.push("legal");
  if (signals.security) flags.push("security");
  const risk = model.categories.find((c) => c.name === category)?.risk;
  let priority: Priority = category === "spam" ? "low" : "normal";
  if (flags.length > 0 || risk === "high") priority = "high";
  if (signals.urgent) priority = "urgent";
  if (signals.urgent) reasons.push(`urgent: "${signals.urgent}"`);
  if (signals.legal) reasons.push(`legal: "${signals.legal}"`);
  if (signals.security) reasons.push(`security: "${signals.security}"`);
  if (sentiment === "negative") reasons.push("negative sentiment");
  if (risk === "high") reasons.push(`${category} is high risk`);
  return {
    category,
    intent,
    priority,
    language,
    sentiment,
    spam: category === "spam",
    needsHuman: human !== null,
    confidence,
    reasons,
    flags,
    automated: null,
  };
}
