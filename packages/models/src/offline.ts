import type { LanguageModel } from "@support/decisions";
import {
  buildTriageModel,
  draftReply,
  interpretReply,
  type TriageCategory,
  type TriageModel,
  triage,
} from "@support/decisions";

/**
 * The default model: the rules-and-classifier triage and the extractive drafter. Deterministic,
 * fast, nothing to download. A trained classifier is kept per category set, since apps rarely
 * change their categories and training takes a noticeable fraction of a second.
 */
export function createOfflineModel(opts: { cacheSize?: number } = {}): LanguageModel {
  const cacheSize = opts.cacheSize ?? 64;
  const models = new Map<string, TriageModel>();
  const modelFor = (categories: TriageCategory[]): TriageModel => {
    const key = JSON.stringify(categories);
    const cached = models.get(key);
    if (cached) {
      models.delete(key);
      models.set(key, cached);
      return cached;
    }
    const built = buildTriageModel(categories);
    models.set(key, built);
    if (models.size > cacheSize) models.delete(models.keys().next().value as string);
    return built;
  };
  return {
    name: "offline",
    async triage(request) {
      const model = modelFor(request.categories);
      return {
        value: triage(request.message, model, { defaultLanguage: request.defaultLanguage }),
        usage: [],
        fallbackReason: null,
      };
    },
    async draft(request) {
      return { value: draftReply(request), usage: [], fallbackReason: null };
    },
    async interpretReply(request) {
      return { value: interpretReply(request.text, request), usage: [], fallbackReason: null };
    },
  };
}
