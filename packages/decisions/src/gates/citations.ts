import { type GateResult, gateResult } from "./gate.js";

/** A reply must cite at least one passage, and only passages that retrieval actually returned. */
export function citationsGate(citedIds: readonly string[], passageIds: readonly string[]): GateResult {
  if (citedIds.length === 0)
    return { gate: "citations", passed: false, reason: "the reply cites no passage", findings: [] };
  const known = new Set(passageIds);
  const unknown = citedIds.filter((id) => !known.has(id));
  return gateResult("citations", unknown, (f) => `cites passages that were not retrieved: ${f.join(", ")}`);
}
