import { modelCalls, usageTotals } from "../lib/usage.js";

/** The run's model calls: which model, tokens in/out, duration and cost. */
export function ModelCalls({ usage }: { usage: Record<string, unknown>[] }) {
  const calls = modelCalls(usage);
  const totals = usageTotals(calls);
  return (
    <section aria-labelledby="calls-title" className="card">
      <h2 id="calls-title">Model calls</h2>
      <p>
        {totals.calls} call{totals.calls === 1 ? "" : "s"}, {totals.tokens} tokens, {totals.durationMs} ms
        {totals.costUsd !== null ? `, $${totals.costUsd.toFixed(4)}` : ""}
      </p>
      <ul className="list">
        {calls.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: calls have no id and never reorder
          <li key={i}>
            {c.provider}/{c.model}: {c.inputTokens} in, {c.outputTokens} out, {c.durationMs} ms
          </li>
        ))}
      </ul>
    </section>
  );
}
