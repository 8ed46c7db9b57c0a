import { ACTIONS_BACKING, actionClaims } from "../text/action-claims.js";
import { type GateResult, gateResult } from "./gate.js";

/**
 * A reply may say an action was carried out (a refund, a cancellation, a transfer, an email
 * change) only when this conversation executed it or the draft proposes it for approval; any other
 * such statement is a promise nobody kept (ADR 0090). `actions` are the names of those actions.
 */
export function actionClaimsGate(text: string, actions: readonly string[]): GateResult {
  const done = new Set(actions);
  const findings = actionClaims(text)
    .filter((claim) => !ACTIONS_BACKING[claim.kind].some((action) => done.has(action)))
    .map((claim) => `${claim.kind.replace("_", " ")}: "${claim.sentence}"`);
  return gateResult(
    "action_claims",
    findings,
    (f) => `claims an action this conversation neither executed nor proposes: ${f.join("; ")}`,
  );
}
