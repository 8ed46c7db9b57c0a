/**
 * Chooses the confidence below which the classifier abstains, from predictions on rows it did not
 * train on. Each in-scope row accepted scores +1 when right and -1 when wrong (abstaining scores 0),
 * so without out-of-scope rows the threshold lands where a prediction becomes more likely wrong than
 * right. Out-of-scope rows, when present, score +1 when abstained and -1 when accepted; each kind of
 * row is weighted by the inverse of its count so that a handful of out-of-scope examples still
 * weigh as much as all the in-scope ones (the balance the usual "in-scope accuracy + out-of-scope
 * recall" trade-off expresses).
 */

export interface HeldOutPrediction {
  confidence: number;
  /** The top label is the gold label. */
  correct: boolean;
  /** The gold label is out of scope. */
  outOfScope: boolean;
  /** The top label is the out-of-scope class itself (always an abstention). */
  predictedOutOfScope: boolean;
}

export function calibrateAbstention(predictions: readonly HeldOutPrediction[]): number {
  const inScope = predictions.filter((p) => !p.outOfScope && !p.predictedOutOfScope);
  const outOfScope = predictions.filter((p) => p.outOfScope && !p.predictedOutOfScope);
  const inScopeCount = predictions.filter((p) => !p.outOfScope).length;
  const outOfScopeCount = predictions.length - inScopeCount;
  const inWeight = inScopeCount > 0 ? 1 / inScopeCount : 0;
  const outWeight = outOfScopeCount > 0 ? 1 / outOfScopeCount : 0;
  // Sweep thresholds upwards: raising it past a row's confidence moves that row to "abstained".
  const events = [
    ...inScope.map((p) => ({ confidence: p.confidence, gain: (p.correct ? -1 : 1) * inWeight })),
    ...outOfScope.map((p) => ({ confidence: p.confidence, gain: outWeight })),
  ].sort((a, b) => a.confidence - b.confidence);
  let best = 0;
  let bestThreshold = 0;
  let score = 0;
  for (let i = 0; i < events.length; i++) {
    score += (events[i] as { gain: number }).gain;
    const next = events[i + 1];
    const current = events[i] as { confidence: number };
    // Ties move together: a threshold cannot separate rows of equal confidence.
    if (next && next.confidence === current.confidence) continue;
    if (score > best + 1e-12) {
      best = score;
      bestThreshold = next ? (current.confidence + next.confidence) / 2 : current.confidence + 1e-9;
    }
  }
  return bestThreshold;
}
