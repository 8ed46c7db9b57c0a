import type { LanguageModel } from "@support/decisions";
import { createAnthropicModel } from "./anthropic.js";
import { createCascadeModel } from "./cascade.js";
import { createOfflineModel } from "./offline.js";

/** Claude's settings, as the product's configuration validated them (ANTHROPIC_*). */
export interface AnthropicSettings {
  apiKey: string;
  baseUrl?: string;
  model: string;
}

/** The offline model by default; with ANTHROPIC_API_KEY, offline first and Claude for the rest. */
export function languageModelFromConfig(config: { anthropic?: AnthropicSettings }): LanguageModel {
  const offline = createOfflineModel();
  if (!config.anthropic) return offline;
  const claude = createAnthropicModel({
    apiKey: config.anthropic.apiKey,
    baseUrl: config.anthropic.baseUrl,
    model: config.anthropic.model,
  });
  return createCascadeModel(offline, claude);
}
