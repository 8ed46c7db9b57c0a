import type { ModelDraftRequest as DraftRequest } from "@support/decisions";
import { buildTriageModel, DEFAULT_CATEGORIES, draftReply, triage } from "@support/decisions";
import { afterEach, describe, expect, it } from "vitest";
import { createAnthropicModel } from "../src/anthropic.js";
import { createCascadeModel } from "../src/cascade.js";
import { languageModelFromConfig } from "../src/from-config.js";
import { createOfflineModel } from "../src/offline.js";
import { apiError, startFakeAnthropic, toolUse } from "./fake-anthropic.js";

let fake: Awaited<ReturnType<typeof startFakeAnthropic>> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const draftRequest: DraftRequest = {
  question: "How do I download my invoice?",
  customerName: null,
  language: "en",
  tone: "friendly",
  persona: "Acme support",
  signature: "Acme",
  passages: [
    {
      id: "p1",
      sourceId: "s1",
      title: "Invoices",
      url: null,
      text: "Download your invoice from the Billing page.",
      score: 5,
    },
  ],
  conversation: [],
  customerContext: [],
};

describe("offline model", () => {
  it("is the core triage and drafter, costing nothing", async () => {
    const model = createOfflineModel();
    const message = { text: "I forgot my password" };
    const result = await model.triage({ message, categories: DEFAULT_CATEGORIES, defaultLanguage: "en" });
    expect(result).toEqual({
      value: triage(message, buildTriageModel(DEFAULT_CATEGORIES), { defaultLanguage: "en" }),
      usage: [],
      fallbackReason: null,
    });
    expect((await model.draft(draftRequest)).value).toEqual(draftReply(draftRequest));
  });

  it("is what an unconfigured platform gets", () => {
    expect(languageModelFromConfig({}).name).toBe("offline");
    expect(languageModelFromConfig({ anthropic: { apiKey: "k", model: "claude-haiku-4-5" } }).name).toBe(
      "cascade(offline, anthropic:claude-haiku-4-5)",
    );
  });
});

describe("cascade", () => {
  it("keeps rule verdicts and confident offline triage without calling Claude", async () => {
    fake = await startFakeAnthropic("k", []);
    const model = createCascadeModel(
      createOfflineModel(),
      createAnthropicModel({ apiKey: "k", baseUrl: fake.url, model: "claude-sonnet-5-5" }),
    );
    const human = await model.triage({
      message: { text: "I want to talk to a human" },
      categories: DEFAULT_CATEGORIES,
      defaultLanguage: "en",
    });
    expect(human.value.needsHuman).toBe(true);
    const password = await model.triage({
      message: { text: "I forgot my password, please reset it" },
      categories: DEFAULT_CATEGORIES,
      defaultLanguage: "en",
    });
    expect(password.value.confidence).toBeGreaterThanOrEqual(0.9);
    expect(password.value.reasons.at(-1)).toBe("kept the offline triage");
    expect(fake.requests).toHaveLength(0);
  });

  it("asks Claude when the offline triage is unsure", async () => {
    fake = await startFakeAnthropic("k", [
      toolUse("record_triage", {
        category: "sales",
        intent: "partnership",
        priority: "normal",
        language: "en",
        sentiment: "neutral",
        spam: false,
        needsHuman: false,
        confidence: 0.8,
        reasons: ["partnership proposal"],
        flags: [],
      }),
    ]);
    const model = createCascadeModel(
      createOfflineModel(),
      createAnthropicModel({ apiKey: "k", baseUrl: fake.url, model: "claude-sonnet-5-5" }),
    );
    const result = await model.triage({
      message: { text: "Would your company be open to a co-marketing webinar together?" },
      categories: DEFAULT_CATEGORIES,
      defaultLanguage: "en",
    });
    expect(fake.requests).toHaveLength(1);
    expect(result.value.category).toBe("sales");
    expect(result.value.reasons.at(-1)).toMatch(/^offline triage unsure/);
    expect(result.usage).toHaveLength(1);
  });

  it("drafts and triages offline when Claude answers 500, and says so", async () => {
    fake = await startFakeAnthropic("k", [apiError(500), apiError(500), apiError(500), apiError(500)]);
    const model = createCascadeModel(
      createOfflineModel(),
      createAnthropicModel({ apiKey: "k", baseUrl: fake.url, model: "claude-sonnet-5-5", maxRetries: 1 }),
    );
    const drafted = await model.draft(draftRequest);
    expect(drafted.value.text).toContain("Download your invoice from the Billing page.");
    expect(drafted.fallbackReason).toMatch(
      /^anthropic:claude-sonnet-5-5 failed \(Anthropic API 500 error.*drafted by the offline model$/,
    );
    const triaged = await model.triage({
      message: { text: "Would your company be open to a co-marketing webinar together?" },
      categories: DEFAULT_CATEGORIES,
      defaultLanguage: "en",
    });
    expect(triaged.fallbackReason).toMatch(/triaged by the offline model$/);
    expect(triaged.usage).toEqual([]);
    expect(fake.requests).toHaveLength(4);
  });

  it("drafts offline when Claude cannot be reached at all", async () => {
    fake = await startFakeAnthropic("k", []);
    const dead = fake.url;
    await fake.close();
    fake = undefined;
    const model = createCascadeModel(
      createOfflineModel(),
      createAnthropicModel({ apiKey: "k", baseUrl: dead, model: "claude-sonnet-5-5", maxRetries: 0 }),
    );
    const drafted = await model.draft(draftRequest);
    expect(drafted.value.kind).toBe("reply");
    expect(drafted.fallbackReason).toMatch(/Anthropic API connection error.*drafted by the offline model$/);
  });
});
