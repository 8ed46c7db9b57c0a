import type { Draft } from "./types.js";

export interface DecisionSummary {
  headline: string;
  tone: "sent" | "held";
  failed: string[];
  passed: string[];
}

/** Why a draft was or was not auto-sent, in words, from the stored autonomy decision. */
export function summarizeDecision(draft: Pick<Draft, "status" | "decision">): DecisionSummary {
  const checks = draft.decision.checks ?? [];
  const failed = checks.filter((c) => !c.passed).map((c) => c.detail);
  const passed = checks.filter((c) => c.passed).map((c) => c.detail);
  if (draft.decision.autoSend || draft.status === "auto_sent") {
    return { headline: "Auto-sent: every autonomy check passed.", tone: "sent", failed, passed };
  }
  const reasons = failed.length > 0 ? failed : (draft.decision.reasons ?? []);
  const shadow = draft.decision.wouldAutoSend ? " Shadow mode: it would have been auto-sent." : "";
  const why = reasons.length > 0 ? ` because ${reasons.join("; ")}.` : ".";
  return { headline: `Held for a human${why}${shadow}`, tone: "held", failed: reasons, passed };
}

/** Names an actor of the audit log ("user:usr_…", "key:key_…", "system") for people. */
export function describeActor(actor: string | null): string {
  if (!actor) return "nobody yet";
  if (actor.startsWith("user:")) return `a teammate (${actor.slice(5)})`;
  if (actor.startsWith("key:")) return `API key ${actor.slice(4)}`;
  return actor;
}
