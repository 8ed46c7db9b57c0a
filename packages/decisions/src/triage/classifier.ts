import { seededRandom, shuffled } from "../text/text.js";
import { calibrateAbstention, type HeldOutPrediction } from "./abstention.js";
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions, fitVectorizer, type Vectorizer, vectorize } from "./features.js";
import {
  DEFAULT_TRAINING_OPTIONS,
  predictProbabilities,
  type SoftmaxModel,
  trainSoftmax,
} from "./softmax-regression.js";

/**
 * The offline intent classifier: TF-IDF features, multinomial logistic regression, and an
 * abstention threshold calibrated on a held-out part of the training rows.
 */

export interface LabelledText {
  text: string;
  label: string;
}

export interface ClassifierOptions {
  features: FeatureOptions;
  training: typeof DEFAULT_TRAINING_OPTIONS;
  /** Rows with this label are a class of their own, and predicting it is an abstention. */
  outOfScopeLabel: string;
  /** Share of each label held out to calibrate the abstention threshold. */
  calibrationShare: number;
  /** A fixed threshold instead of a calibrated one. */
  abstainBelow?: number;
}

export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  training: DEFAULT_TRAINING_OPTIONS,
  outOfScopeLabel: "oos",
  calibrationShare: 0.2,
};

export interface IntentClassifier {
  labels: string[];
  outOfScopeLabel: string;
  abstainBelow: number;
  vectorizer: Vectorizer;
  model: SoftmaxModel;
}

export interface Classification {
  /** The most probable label, even when abstaining (useful as a hint to a human). */
  label: string;
  confidence: number;
  /** Below the threshold, or the out-of-scope class won: the caller should not act on `label`. */
  abstained: boolean;
  ranked: { label: string; probability: number }[];
}

/** Large sets drop single-occurrence terms: they cost memory and time and rarely generalise. */
function featureOptionsFor(rowCount: number, options: FeatureOptions): FeatureOptions {
  return rowCount >= 2000 ? { ...options, minDocumentFrequency: Math.max(options.minDocumentFrequency, 2) } : options;
}

function fitClassifier(
  rows: readonly LabelledText[],
  options: ClassifierOptions,
  abstainBelow: number,
): IntentClassifier {
  const labels = [...new Set(rows.map((r) => r.label))].sort();
  const vectorizer = fitVectorizer(
    rows.map((r) => r.text),
    featureOptionsFor(rows.length, options.features),
  );
  const index = new Map(labels.map((l, i) => [l, i]));
  const examples = rows.map((r) => ({ x: vectorize(vectorizer, r.text), y: index.get(r.label) as number }));
  const model = trainSoftmax(examples, labels.length, vectorizer.vocabulary.size, options.training);
  return { labels, outOfScopeLabel: options.outOfScopeLabel, abstainBelow, vectorizer, model };
}

/** Holds out `share` of every label that has at least two rows, in a seeded order. */
function stratifiedSplit(rows: readonly LabelledText[], share: number, seed: number) {
  const byLabel = new Map<string, LabelledText[]>();
  for (const row of rows) {
    const group = byLabel.get(row.label);
    if (group) group.push(row);
    else byLabel.set(row.label, [row]);
  }
  const random = seededRandom(seed);
  const train: LabelledText[] = [];
  const heldOut: LabelledText[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const group = shuffled(byLabel.get(label) as LabelledText[], random);
    const count = group.length >= 2 ? Math.max(1, Math.round(group.length * share)) : 0;
    heldOut.push(...group.slice(0, count));
    train.push(...group.slice(count));
  }
  return { train, heldOut };
}

export function trainClassifier(
  rows: readonly LabelledText[],
  options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
): IntentClassifier {
  if (rows.length === 0) throw new Error("the classifier needs at least one training row");
  if (options.abstainBelow !== undefined) return fitClassifier(rows, options, options.abstainBelow);
  const { train, heldOut } = stratifiedSplit(rows, options.calibrationShare, options.training.seed);
  let abstainBelow = 0;
  if (heldOut.length > 0 && new Set(train.map((r) => r.label)).size > 1) {
    const probe = fitClassifier(train, options, 0);
    const predictions: HeldOutPrediction[] = heldOut.map((row) => {
      const c = classify(probe, row.text);
      return {
        confidence: c.confidence,
        correct: c.label === row.label,
        outOfScope: row.label === options.outOfScopeLabel,
        predictedOutOfScope: c.label === options.outOfScopeLabel,
      };
    });
    abstainBelow = calibrateAbstention(predictions);
  }
  return fitClassifier(rows, options, abstainBelow);
}

export function classify(classifier: IntentClassifier, text: string): Classification {
  const probabilities = predictProbabilities(classifier.model, vectorize(classifier.vectorizer, text));
  const ranked = classifier.labels
    .map((label, i) => ({ label, probability: probabilities[i] as number }))
    .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1));
  const top = ranked[0] as { label: string; probability: number };
  return {
    label: top.label,
    confidence: top.probability,
    abstained: top.probability < classifier.abstainBelow || top.label === classifier.outOfScopeLabel,
    ranked: ranked.slice(0, 3),
  };
}

/** Of `candidates` (labels of the classifier), the one it finds most probable for the text. */
export function rankAmong(classifier: IntentClassifier, text: string, candidates: readonly string[]): string {
  const probabilities = predictProbabilities(classifier.model, vectorize(classifier.vectorizer, text));
  const probability = (label: string) => probabilities[classifier.labels.indexOf(label)] ?? -1;
  return [...candidates].sort((a, b) => probability(b) - probability(a) || (a < b ? -1 : 1))[0] as string;
}
