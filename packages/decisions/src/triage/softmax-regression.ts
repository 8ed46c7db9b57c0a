import { seededRandom } from "../text/text.js";
import type { SparseVector } from "./features.js";

/**
 * Multinomial logistic regression over sparse features, trained by SGD with L2 weight decay.
 * Deterministic: the example order comes from a seeded shuffle, so the same rows give the same model.
 */

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 strength; also what keeps probabilities honest enough to calibrate an abstention threshold. */
  l2: number;
  seed: number;
}

export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = { epochs: 8, learningRate: 1, l2: 1e-6, seed: 7 };

export interface SoftmaxModel {
  classCount: number;
  featureCount: number;
  /** Feature-major: the weights of feature f for every class are contiguous, which suits sparse inputs. */
  weights: Float32Array;
  bias: Float32Array;
}

export function trainSoftmax(
  examples: readonly { x: SparseVector; y: number }[],
  classCount: number,
  featureCount: number,
  options: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
): SoftmaxModel {
  const weights = new Float32Array(featureCount * classCount);
  const bias = new Float32Array(classCount);
  const probabilities = new Float64Array(classCount);
  const random = seededRandom(options.seed);
  const order = Array.from(examples.keys());
  // Weight decay is applied to a shared scale instead of every weight, so each step stays sparse.
  let scale = 1;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const { x, y } = examples[index] as { x: SparseVector; y: number };
      const rate = options.learningRate / (1 + options.learningRate * options.l2 * step++);
      scores(weights, bias, classCount, x, scale, probabilities);
      softmaxInPlace(probabilities);
      scale *= 1 - rate * options.l2;
      const stepSize = rate / scale;
      for (let c = 0; c < classCount; c++) {
        const gradient = (probabilities[c] as number) - (c === y ? 1 : 0);
        if (Math.abs(gradient) < 1e-3) continue;
        bias[c] = (bias[c] as number) - rate * gradient;
        for (let k = 0; k < x.indices.length; k++) {
          const w = (x.indices[k] as number) * classCount + c;
          weights[w] = (weights[w] as number) - stepSize * gradient * (x.values[k] as number);
        }
      }
      if (scale < 1e-6) {
        for (let w = 0; w < weights.length; w++) weights[w] = (weights[w] as number) * scale;
        scale = 1;
      }
    }
  }
  if (scale !== 1) for (let w = 0; w < weights.length; w++) weights[w] = (weights[w] as number) * scale;
  return { classCount, featureCount, weights, bias };
}

export function predictProbabilities(model: SoftmaxModel, x: SparseVector): Float64Array {
  const out = new Float64Array(model.classCount);
  scores(model.weights, model.bias, model.classCount, x, 1, out);
  return softmaxInPlace(out);
}

function scores(
  weights: Float32Array,
  bias: Float32Array,
  classCount: number,
  x: SparseVector,
  scale: number,
  out: Float64Array,
): void {
  for (let c = 0; c < classCount; c++) out[c] = 0;
  for (let k = 0; k < x.indices.length; k++) {
    const base = (x.indices[k] as number) * classCount;
    const v = (x.values[k] as number) * scale;
    for (let c = 0; c < classCount; c++) out[c] = (out[c] as number) + v * (weights[base + c] as number);
  }
  for (let c = 0; c < classCount; c++) out[c] = (out[c] as number) + (bias[c] as number);
}

function softmaxInPlace(values: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < values.length; c++) {
    values[c] = Math.exp((values[c] as number) - max);
    sum += values[c] as number;
  }
  for (let c = 0; c < values.length; c++) values[c] = (values[c] as number) / sum;
  return values;
}
