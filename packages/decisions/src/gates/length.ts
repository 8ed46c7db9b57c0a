import { type GateResult, gateResult } from "./gate.js";

export interface LengthBounds {
  min: number;
  max: number;
}

/** Characters; a one-word reply or an essay both mean the drafter went wrong. */
export const DEFAULT_LENGTH_BOUNDS: LengthBounds = { min: 20, max: 2000 };

export function lengthGate(text: string, bounds: LengthBounds = DEFAULT_LENGTH_BOUNDS): GateResult {
  const length = text.trim().length;
  const findings =
    length < bounds.min ? [`${length} < ${bounds.min}`] : length > bounds.max ? [`${length} > ${bounds.max}`] : [];
  return gateResult("length", findings, () => `length ${length} characters is outside ${bounds.min}-${bounds.max}`);
}
