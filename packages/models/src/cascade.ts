import type { LanguageModel, ModelReplyRequest, ModelResult } from "@support/decisions";

/**
 * Offline first, Claude for the rest: a confident offline triage (or a rule's verdict: automated
 * mail, a request for a human) is kept, which saves cost and latency on the easy majority; the
 * uncertain rest goes to Claude. Drafting goes to Claude whenever it is configured.
 *
 * When Claude fails (unreachable, 5xx after the SDK's retries, a bad key, a timeout), the offline
 * model answers instead and the result says so in `fallbackReason`, which the draft records: a
 * model outage never leaves a customer without a draft (ADR 0091).
 */
export function createCascadeModel(
  offline: LanguageModel,
  claude: LanguageModel,
  opts: { keepOfflineAbove?: number; trustReplyAbove?: number } = {},
): LanguageModel {
  const keepOfflineAbove = opts.keepOfflineAbove ?? 0.9;
  const trustReplyAbove = opts.trustReplyAbove ?? 0.6;
  return {
    name: `cascade(${offline.name}, ${claude.name})`,
    async triage(request) {
      const first = await offline.triage(request);
      const verdict = first.value;
      if (verdict.automated || verdict.needsHuman || verdict.confidence >= keepOfflineAbove) {
        return { ...first, value: { ...verdict, reasons: [...verdict.reasons, "kept the offline triage"] } };
      }
      const second = await orOffline(claude.name, () => claude.triage(request), first);
      if (second === first) return second;
      return {
        ...second,
        value: {
          ...second.value,
          reasons: [
            ...second.value.reasons,
            `offline triage unsure (${verdict.category} ${verdict.confidence.toFixed(2)})`,
          ],
        },
      };
    },
    async draft(request) {
      try {
        return await claude.draft(request);
      } catch (error) {
        const drafted = await offline.draft(request);
        return { ...drafted, fallbackReason: failure(claude.name, error, "drafted") };
      }
    },
    /**
     * Claude reads the reply (ADR 0114); its answer stands only when valid and at least
     * `trustReplyAbove` sure, otherwise the offline interpreter decides and the result says why.
     */
    async interpretReply(request) {
      const fallback = async (reason: string, usage: ModelResult<unknown>["usage"] = []) => {
        const offlineReading = await interpretOffline(offline, request);
        return { ...offlineReading, usage, fallbackReason: reason };
      };
      if (!claude.interpretReply) return interpretOffline(offline, request);
      let read: Awaited<ReturnType<NonNullable<LanguageModel["interpretReply"]>>>;
      try {
        read = await claude.interpretReply(request);
      } catch (error) {
        return fallback(failure(claude.name, error, "read"));
      }
      if (read.fallbackReason) return fallback(`${claude.name} unusable (${read.fallbackReason})`, read.usage);
      if (read.value.confidence < trustReplyAbove) {
        return fallback(
          `${claude.name} unsure (${read.value.intent} ${read.value.confidence.toFixed(2)}): read by the offline model`,
          read.usage,
        );
      }
      return read;
    },
  };
}

function interpretOffline(offline: LanguageModel, request: ModelReplyRequest) {
  if (!offline.interpretReply) throw new Error(`${offline.name} cannot read replies`);
  return offline.interpretReply(request);
}

function failure(model: string, error: unknown, what: string): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `${model} failed (${detail.slice(0, 200)}): ${what} by the offline model`;
}

/** Claude's answer, or - when the call fails - the offline one already in hand, saying why. */
async function orOffline<T>(
  model: string,
  call: () => Promise<ModelResult<T>>,
  offline: ModelResult<T>,
): Promise<ModelResult<T>> {
  try {
    return await call();
  } catch (error) {
    return { ...offline, fallbackReason: failure(model, error, "triaged") };
  }
}
