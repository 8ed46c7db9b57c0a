/** One model call of a run, as the pipeline stores it (packages/models ModelUsage). */
export interface ModelCall {
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  durationMs: number;
  costUsd: number | null;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** The draft's recorded usage as model calls, tolerant of entries missing fields. */
export function modelCalls(usage: readonly Record<string, unknown>[]): ModelCall[] {
  return usage.map((u) => ({
    provider: String(u.provider ?? "unknown"),
    model: String(u.model ?? "unknown"),
    inputTokens: num(u.inputTokens),
    outputTokens: num(u.outputTokens),
    durationMs: num(u.durationMs),
    costUsd: typeof u.costUsd === "number" ? u.costUsd : null,
  }));
}

export function usageTotals(calls: readonly ModelCall[]) {
  return {
    calls: calls.length,
    tokens: calls.reduce((sum, c) => sum + c.inputTokens + c.outputTokens, 0),
    durationMs: calls.reduce((sum, c) => sum + c.durationMs, 0),
    costUsd: calls.some((c) => c.costUsd !== null) ? calls.reduce((sum, c) => sum + (c.costUsd ?? 0), 0) : null,
  };
}
