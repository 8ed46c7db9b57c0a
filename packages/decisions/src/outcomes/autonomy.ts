import type { GateResult } from "../gates/gate.js";
import type { Risk } from "../triage/categories.js";
import type { TrustScore } from "./trust.js";

/**
 * BRIEF §5 auto-send policy. Every condition is checked and kept, so a stored decision explains
 * itself. `wouldAutoSend` ignores only the tier and shadow mode: it is what shadow mode records, so
 * autonomy can be judged before it is switched on.
 */

/** The part of an app's settings the policy reads. */
export interface AutonomySettings {
  autonomyTier: "suggest" | "one_click" | "auto_send";
  trustThreshold: number;
  confidenceFloor: number;
  minOutcomes: number;
  neverAutoSend: readonly string[];
}

export interface AutonomyInputs {
  settings: AutonomySettings;
  category: string;
  categoryRisk: Risk;
  /** Triage's intent and flags: the never-auto-send list may name them as well as categories. */
  intent: string;
  flags: readonly string[];
  needsHuman: boolean;
  /** Triage confidence combined with the draft's; the caller decides how, the policy compares it to the floor. */
  confidence: number;
  trust: TrustScore;
  gates: readonly GateResult[];
  shadowMode: boolean;
}

export interface AutonomyCheck {
  condition:
    | "tier"
    | "risk"
    | "never_auto_send"
    | "needs_human"
    | "min_outcomes"
    | "trust"
    | "confidence"
    | "gates"
    /** Added by the pipeline: a proposed action waits for a person (integrations/draft-actions). */
    | "actions";
  passed: boolean;
  detail: string;
}

export interface AutonomyDecision {
  autoSend: boolean;
  wouldAutoSend: boolean;
  reasons: string[];
  checks: AutonomyCheck[];
  inputs: AutonomyInputs;
}

function tierCheck(inputs: AutonomyInputs): AutonomyCheck {
  const tier = inputs.settings.autonomyTier;
  return tier === "auto_send"
    ? { condition: "tier", passed: true, detail: "autonomy tier auto_send" }
    : { condition: "tier", passed: false, detail: `autonomy tier ${tier} never auto-sends` };
}

export function decideAutonomy(inputs: AutonomyInputs): AutonomyDecision {
  const { settings, trust } = inputs;
  const names = new Set([inputs.category, inputs.intent, ...inputs.flags]);
  const blocked = settings.neverAutoSend.filter((name) => names.has(name));
  const failedGates = inputs.gates.filter((g) => !g.passed);
  const policy: AutonomyCheck[] = [
    {
      condition: "risk",
      passed: inputs.categoryRisk === "low",
      detail: `auto-send covers low-risk categories; ${inputs.category} is ${inputs.categoryRisk} risk`,
    },
    {
      condition: "never_auto_send",
      passed: blocked.length === 0,
      detail: blocked.length === 0 ? "not on the never-auto-send list" : `${blocked.join(", ")} is never auto-sent`,
    },
    {
      condition: "needs_human",
      passed: !inputs.needsHuman,
      detail: inputs.needsHuman ? "the customer asked for a human" : "no request for a human",
    },
    {
      condition: "min_outcomes",
      passed: trust.samples >= settings.minOutcomes,
      detail: `${trust.samples} outcomes, at least ${settings.minOutcomes} needed`,
    },
    {
      condition: "trust",
      passed: trust.score !== null && trust.score >= settings.trustThreshold,
      detail: `trust ${trust.score === null ? "unknown" : trust.score.toFixed(3)}, threshold ${settings.trustThreshold}`,
    },
    {
      condition: "confidence",
      passed: inputs.confidence >= settings.confidenceFloor,
      detail: `confidence ${inputs.confidence.toFixed(3)}, floor ${settings.confidenceFloor}`,
    },
    {
      condition: "gates",
      passed: failedGates.length === 0,
      detail:
        failedGates.length === 0
          ? `all ${inputs.gates.length} gates passed`
          : `failed gates: ${failedGates.map((g) => `${g.gate} (${g.reason ?? "failed"})`).join("; ")}`,
    },
  ];
  const tier = tierCheck(inputs);
  const wouldAutoSend = policy.every((c) => c.passed);
  const autoSend = wouldAutoSend && tier.passed && !inputs.shadowMode;
  const checks = [tier, ...policy];
  const reasons = checks.filter((c) => !c.passed).map((c) => c.detail);
  if (inputs.shadowMode && wouldAutoSend && tier.passed) reasons.push("shadow mode: recorded, not sent");
  if (autoSend) reasons.push("every condition holds: auto-send");
  return { autoSend, wouldAutoSend, reasons, checks, inputs };
}
