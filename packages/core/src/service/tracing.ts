/**
 * The tracing port: pipeline runs and model calls are observations. The Langfuse adapter lives
 * in `@support/observability`; without it nothing is traced and only logs and the audit log remain.
 * Observations carry ids, statuses and token counts, never message text or customer data.
 */
export interface ObservationUpdate {
  output?: Record<string, unknown>;
  model?: string;
  usage?: { input: number; output: number };
  costUsd?: number | null;
  metadata?: Record<string, unknown>;
}

export interface Observation {
  update(data: ObservationUpdate): void;
}

export interface Tracer {
  observe<T>(
    name: string,
    kind: "span" | "generation",
    input: Record<string, unknown>,
    fn: (observation: Observation) => Promise<T>,
  ): Promise<T>;
}

export const noopTracer: Tracer = {
  observe: (_name, _kind, _input, fn) => fn({ update() {} }),
};
