import type { MessageId } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
import type { GateResult } from "../lib/types.js";

/** The validation gates (packages/decisions GateName); one added later shows its code. */
const GATE_LABEL: Partial<Record<string, MessageId>> = {
  internal_state: "draft.gate.internal_state",
  banned_phrases: "draft.gate.banned_phrases",
  unsupported_claims: "draft.gate.unsupported_claims",
  citations: "draft.gate.citations",
  length: "draft.gate.length",
  language: "draft.gate.language",
  repeat: "draft.gate.repeat",
};

export function GateList({ gates }: { gates: GateResult[] }) {
  const t = useT();
  return (
    <section aria-labelledby="gates-title" className="card">
      <h2 id="gates-title">{t("draft.gates.title")}</h2>
      {gates.length === 0 && <p className="muted">{t("draft.gates.none")}</p>}
      <ul className="gates">
        {gates.map((g) => (
          <li key={g.gate} className={g.passed ? "pass" : "fail"}>
            <strong>{g.passed ? t("draft.gates.passed") : t("draft.gates.failed")}</strong>{" "}
            {t.label(GATE_LABEL, g.gate)}
            {/* Reasons and findings are the pipeline's own words, in English. */}
            {g.reason && (
              <>
                : <span lang="en">{g.reason}</span>
              </>
            )}
            {g.findings && g.findings.length > 0 && <span lang="en"> ({g.findings.join(", ")})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
