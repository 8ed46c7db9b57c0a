/** What every validation gate returns: a failed gate blocks auto-send and shows its reason to the approver. */
export interface GateResult {
  gate: GateName;
  passed: boolean;
  /** Why it failed (or, for a pass with a caveat, what it could not check). */
  reason?: string;
  /** The offending fragments, for the approver to see at a glance. */
  findings?: string[];
}

export type GateName =
  | "internal_state"
  | "banned_phrases"
  | "unsupported_claims"
  | "citations"
  | "length"
  | "language"
  | "repeat"
  | "action_claims";

export function gateResult(gate: GateName, findings: string[], reason: (findings: string[]) => string): GateResult {
  return findings.length === 0 ? { gate, passed: true } : { gate, passed: false, reason: reason(findings), findings };
}
