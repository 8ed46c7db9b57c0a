import { diffTokens, tokenOverlap } from "../outcomes/draft-diff.js";
import { type GateResult, gateResult } from "./gate.js";

/** Sending the customer what they already got means the conversation is stuck: a human should look. */
export const REPEAT_OVERLAP = 0.9;

export function repeatGate(text: string, earlierReplies: readonly string[]): GateResult {
  const tokens = diffTokens(text);
  const findings = earlierReplies
    .map((reply, index) => ({ index, overlap: tokenOverlap(tokens, diffTokens(reply)) }))
    .filter((r) => r.overlap >= REPEAT_OVERLAP)
    .map((r) => `earlier reply #${r.index + 1} (overlap ${r.overlap.toFixed(2)})`);
  return gateResult("repeat", findings, (f) => `repeats ${f.join(", ")}`);
}
