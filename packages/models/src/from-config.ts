import type { Config, LanguageModel } from "@support/core";
import { createAnthropicModel } from "./anthropic.js";
import { createCascadeModel } from "./cascade.js";
import { createOfflineModel } from "./offline.js";

/** The offline model by default; with ANTHROPIC_API_KEY, offline first and Claude for the rest. */
export function languageModelFromConfig(config: Pick<Config, "anthropic">): LanguageModel {
  const offline = createOfflineModel();
  if (!config.anthropic) return offline;
  const claude = createAnthropicModel({
    apiKey: config.anthropic.apiKey,
    baseUrl: config.anthropic.baseUrl,
    model: config.anthropic.model,
  });
  return createCascadeModel(offline, claude);
}
