import { z } from "zod";
import { seededRandom, shuffled } from "../text/text.js";
import {
  type ClassifierOptions,
  classify,
  DEFAULT_CLASSIFIER_OPTIONS,
  type LabelledText,
  trainClassifier,
} from "./classifier.js";

/** The `skill eval triage` protocol: train the offline classifier, score it on labelled test rows. */

/** A labelled dataset that cannot be read: the message names the file, the line and what was expected. */
export class InvalidDatasetError extends Error {
  readonly code = "invalid_input";
}

export interface TriageEvalReport {
  trainRows: number;
  testRows: number;
  labels: number;
  shots: number | null;
  accuracy: number;
  inScopeAccuracy: number;
  /** Accuracy of the predictions the classifier did not abstain on. */
  acceptedAccuracy: number;
  macroF1: number;
  /** Share of out-of-scope test rows the classifier declined; null without such rows. */
  outOfScopeRecall: number | null;
  abstentionRate: number;
  abstainBelow: number;
  trainingMs: number;
}

export const SHOT_SEED = 42;

const labelledRow = z.object({ text: z.string(), label: z.string().min(1) });

/** JSONL rows `{text, label}`; a bad line is reported with its number, blank lines are skipped. */
export function parseLabelledRows(jsonl: string, source: string): LabelledText[] {
  const rows: LabelledText[] = [];
  jsonl.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InvalidDatasetError(`${source}:${i + 1}: not JSON`);
    }
    const parsed = labelledRow.safeParse(value);
    if (!parsed.success)
      throw new InvalidDatasetError(`${source}:${i + 1}: expected {"text": string, "label": string}`);
    rows.push({ text: parsed.data.text, label: parsed.data.label });
  });
  return rows;
}

/** `k` rows per label (all of a label's rows when it has fewer), picked in a seeded order. */
export function selectShots(rows: readonly LabelledText[], k: number, seed = SHOT_SEED): LabelledText[] {
  const byLabel = new Map<string, LabelledText[]>();
  for (const row of rows) {
    const group = byLabel.get(row.label);
    if (group) group.push(row);
    else byLabel.set(row.label, [row]);
  }
  const random = seededRandom(seed);
  return [...byLabel.keys()]
    .sort()
    .flatMap((label) => shuffled(byLabel.get(label) as LabelledText[], random).slice(0, k));
}

export function evaluateTriage(
  train: readonly LabelledText[],
  test: readonly LabelledText[],
  opts: { shots?: number; now?: () => number; classifier?: ClassifierOptions } = {},
): TriageEvalReport {
  const now = opts.now ?? (() => performance.now());
  const options = opts.classifier ?? DEFAULT_CLASSIFIER_OPTIONS;
  const rows = opts.shots === undefined ? train : selectShots(train, opts.shots);
  const started = now();
  const classifier = trainClassifier(rows, options);
  const trainingMs = now() - started;
  const oos = options.outOfScopeLabel;
  const predicted = test.map((row) => {
    const c = classify(classifier, row.text);
    return c.abstained ? oos : c.label;
  });
  const gold = test.map((r) => r.label);
  const inScope = gold.flatMap((g, i) => (g === oos ? [] : [i]));
  const outOfScope = gold.flatMap((g, i) => (g === oos ? [i] : []));
  const share = (indices: number[], hit: (i: number) => boolean) =>
    indices.length === 0 ? 0 : indices.filter(hit).length / indices.length;
  const all = gold.map((_, i) => i);
  return {
    trainRows: rows.length,
    testRows: test.length,
    labels: new Set(rows.map((r) => r.label)).size,
    shots: opts.shots ?? null,
    accuracy: share(all, (i) => predicted[i] === gold[i]),
    inScopeAccuracy: share(inScope, (i) => predicted[i] === gold[i]),
    acceptedAccuracy: share(
      all.filter((i) => predicted[i] !== oos),
      (i) => predicted[i] === gold[i],
    ),
    macroF1: macroF1(gold, predicted),
    outOfScopeRecall: outOfScope.length === 0 ? null : share(outOfScope, (i) => predicted[i] === oos),
    abstentionRate: share(all, (i) => predicted[i] === oos),
    abstainBelow: classifier.abstainBelow,
    trainingMs,
  };
}

/** Mean F1 over the labels present in the gold rows (out of scope included when present). */
export function macroF1(gold: readonly string[], predicted: readonly string[]): number {
  const labels = [...new Set(gold)];
  if (labels.length === 0) return 0;
  const f1s = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (g === label && p === label) tp++;
      else if (p === label) fp++;
      else if (g === label) fn++;
    });
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.reduce((a, b) => a + b, 0) / labels.length;
}
