import { useT } from "../i18n/useT.js";
import { modelCalls, usageTotals } from "../lib/usage.js";

/** The run's model calls: which model, tokens in/out, duration and cost. */
export function ModelCalls({ usage }: { usage: Record<string, unknown>[] }) {
  const t = useT();
  const calls = modelCalls(usage);
  const totals = usageTotals(calls);
  return (
    <section aria-labelledby="calls-title" className="card">
      <h2 id="calls-title">{t("draft.calls.title")}</h2>
      <p>
        {t("draft.calls.totals", {
          calls: totals.calls,
          tokens: totals.tokens,
          duration: t.duration(totals.durationMs),
        })}
        {totals.costUsd !== null ? `, ${t.usd(totals.costUsd)}` : ""}
      </p>
      <ul className="list">
        {calls.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: calls have no id and never reorder
          <li key={i}>
            {t("draft.calls.call", {
              model: `${c.provider}/${c.model}`,
              input: t.number(c.inputTokens),
              output: t.number(c.outputTokens),
              duration: t.duration(c.durationMs),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
