import { LangfuseSpanProcessor } from "@langfuse/otel";
import { setLangfuseTracerProvider, startActiveObservation } from "@langfuse/tracing";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { Observation, ObservationUpdate, Tracer } from "@support/core";

export interface LangfuseTracer extends Tracer {
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Langfuse through its OpenTelemetry span processor, on a tracer provider of its own so it
 * never captures other instrumentation. Built only when Langfuse is configured: the SDK
 * otherwise reaches for its cloud host.
 */
export function createLangfuseTracer(options: {
  publicKey: string;
  secretKey: string;
  baseUrl?: string;
}): LangfuseTracer {
  const processor = new LangfuseSpanProcessor({
    publicKey: options.publicKey,
    secretKey: options.secretKey,
    baseUrl: options.baseUrl,
    exportMode: "batched",
  });
  const provider = new NodeTracerProvider({ spanProcessors: [processor] });
  setLangfuseTracerProvider(provider);
  return {
    observe(name, kind, input, fn) {
      const run = async (observation: { update(attrs: Record<string, unknown>): unknown }) => {
        observation.update({ input });
        const adapter: Observation = { update: (data) => observation.update(toLangfuse(kind, data)) };
        return fn(adapter);
      };
      return kind === "generation"
        ? startActiveObservation(name, run, { asType: "generation" })
        : startActiveObservation(name, run);
    },
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      setLangfuseTracerProvider(null);
    },
  };
}

function toLangfuse(kind: "span" | "generation", data: ObservationUpdate): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  if (data.output) attrs.output = data.output;
  if (data.metadata) attrs.metadata = data.metadata;
  if (kind === "generation") {
    if (data.model) attrs.model = data.model;
    if (data.usage) attrs.usageDetails = { input: data.usage.input, output: data.usage.output };
    if (data.costUsd !== undefined && data.costUsd !== null) attrs.costDetails = { total: data.costUsd };
  }
  return attrs;
}
