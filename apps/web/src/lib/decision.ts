import type { ReactNode } from "react";
import type { MessageId, Translator } from "../i18n/translator.js";
import type { Draft } from "./types.js";

export interface DecisionSummary {
  headline: ReactNode;
  tone: "sent" | "held";
  failed: string[];
  passed: string[];
}

/** The autonomy policy's conditions (packages/decisions); one it adds later shows its code. */
export const CHECK_LABEL: Partial<Record<string, MessageId>> = {
  actions: "draft.trust.check.actions",
  confidence: "draft.trust.check.confidence",
  gates: "draft.trust.check.gates",
  min_outcomes: "draft.trust.check.min_outcomes",
  needs_human: "draft.trust.check.needs_human",
  never_auto_send: "draft.trust.check.never_auto_send",
  risk: "draft.trust.check.risk",
  tier: "draft.trust.check.tier",
  trust: "draft.trust.check.trust",
};

/**
 * Why a draft was or was not auto-sent, in words, from the stored autonomy decision. The reasons
 * are the policy's own (English) words: `mark` lets the page tag them with their language.
 */
export function summarizeDecision(
  draft: Pick<Draft, "status" | "decision">,
  t: Translator,
  mark: (policyText: string) => ReactNode = (text) => text,
): DecisionSummary {
  const checks = draft.decision.checks ?? [];
  const failed = checks.filter((c) => !c.passed).map((c) => c.detail);
  const passed = checks.filter((c) => c.passed).map((c) => c.detail);
  if (draft.decision.autoSend || draft.status === "auto_sent") {
    return { headline: t("draft.trust.autoSent"), tone: "sent", failed, passed };
  }
  const reasons = failed.length > 0 ? failed : (draft.decision.reasons ?? []);
  const held =
    reasons.length > 0
      ? t.rich("draft.trust.heldBecause", { reasons: mark(reasons.join("; ")) })
      : t("draft.trust.held");
  const headline = draft.decision.wouldAutoSend ? t.rich("draft.trust.heldShadow", { held }) : held;
  return { headline, tone: "held", failed: reasons, passed };
}

/** Names an actor of the audit log ("user:usr_…", "key:key_…", "system") for people. */
export function describeActor(actor: string | null, t: Translator): string {
  if (!actor) return t("draft.actor.nobody");
  if (actor.startsWith("user:")) return t("draft.actor.user", { id: actor.slice(5) });
  if (actor.startsWith("key:")) return t("draft.actor.key", { id: actor.slice(4) });
  return actor;
}
