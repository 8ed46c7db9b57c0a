import { useT } from "../i18n/useT.js";
import { summarizeDecision } from "../lib/decision.js";
import type { Draft } from "../lib/types.js";

/** Why the draft was or was not auto-sent, check by check. */
export function TrustDecision({ draft }: { draft: Draft }) {
  const t = useT();
  const summary = summarizeDecision(draft, t);
  return (
    <section aria-labelledby="decision-title" className="card">
      <h2 id="decision-title">{t("draft.trust.title")}</h2>
      <p className={`decision decision-${summary.tone}`}>{summary.headline}</p>
      <ul className="gates">
        {(draft.decision.checks ?? []).map((c) => (
          <li key={c.condition} className={c.passed ? "pass" : "fail"}>
            <strong>{c.passed ? "✓" : "✗"}</strong> {c.condition}: {c.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}
