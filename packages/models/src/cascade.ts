import type { LanguageModel } from "@support/decisions";

/**
 * Offline first, Claude for the rest: a confident offline triage (or a rule's verdict: automated
 * mail, a request for a human) is kept, which saves cost and latency on the easy majority; the
 * uncertain rest goes to Claude. Drafting goes to Claude whenever it is configured.
 */
export function createCascadeModel(
  offline: LanguageModel,
  claude: LanguageModel,
  opts: { keepOfflineAbove?: number } = {},
): LanguageModel {
  const keepOfflineAbove = opts.keepOfflineAbove ?? 0.9;
  return {
    name: `cascade(${offline.name}, ${claude.name})`,
    async triage(request) {
      const first = await offline.triage(request);
      const verdict = first.value;
      if (verdict.automated || verdict.needsHuman || verdict.confidence >= keepOfflineAbove) {
        return { ...first, value: { ...verdict, reasons: [...verdict.reasons, "kept the offline triage"] } };
      }
      const second = await claude.triage(request);
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
    draft: (request) => claude.draft(request),
  };
}
