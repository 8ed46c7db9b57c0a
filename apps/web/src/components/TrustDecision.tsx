import { useT } from "../i18n/useT.js";
import { CHECK_LABEL, summarizeDecision } from "../lib/decision.js";
import type { Draft } from "../lib/types.js";

/** Why the draft was or was not auto-sent, check by check. */
export function TrustDecision({ draft }: { draft: Draft }) {
  const t = useT();
  const summary = summarizeDecision(draft, t, (text) => <span lang="en">{text}</span>);
  return (
    <section aria-labelledby="decision-title" className="card">
      <h2 id="decision-title">{t("draft.trust.title")}</h2>
      <p className={`decision decision-${summary.tone}`}>{summary.headline}</p>
      <ul className="gates">
        {(draft.decision.checks ?? []).map((c) => (
          <li key={c.condition} className={c.passed ? "pass" : "fail"}>
            {/* The policy's own words, in English. */}
            <strong>{c.passed ? "✓" : "✗"}</strong> {t.label(CHECK_LABEL, c.condition)}:{" "}
            <span lang="en">{c.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
