import type { Translator } from "../i18n/translator.js";
import type { Draft } from "./types.js";

export interface DecisionSummary {
  headline: string;
  tone: "sent" | "held";
  failed: string[];
  passed: string[];
}

/** Why a draft was or was not auto-sent, in words, from the stored autonomy decision (its details are the API's). */
export function summarizeDecision(draft: Pick<Draft, "status" | "decision">, t: Translator): DecisionSummary {
  const checks = draft.decision.checks ?? [];
  const failed = checks.filter((c) => !c.passed).map((c) => c.detail);
  const passed = checks.filter((c) => c.passed).map((c) => c.detail);
  if (draft.decision.autoSend || draft.status === "auto_sent") {
    return { headline: t("draft.trust.autoSent"), tone: "sent", failed, passed };
  }
  const reasons = failed.length > 0 ? failed : (draft.decision.reasons ?? []);
  const held =
    reasons.length > 0 ? t("draft.trust.heldBecause", { reasons: reasons.join("; ") }) : t("draft.trust.held");
  const headline = draft.decision.wouldAutoSend ? `${held} ${t("draft.trust.shadow")}` : held;
  return { headline, tone: "held", failed: reasons, passed };
}

/** Names an actor of the audit log ("user:usr_…", "key:key_…", "system") for people. */
export function describeActor(actor: string | null, t: Translator): string {
  if (!actor) return t("draft.actor.nobody");
  if (actor.startsWith("user:")) return t("draft.actor.user", { id: actor.slice(5) });
  if (actor.startsWith("key:")) return t("draft.actor.key", { id: actor.slice(4) });
  return actor;
}
