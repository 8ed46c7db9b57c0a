import type { ModelDraftRequest as DraftRequest, ModelTriageRequest as TriageRequest } from "@support/decisions";
import { DEFAULT_CATEGORIES, type RetrievedPassage } from "@support/decisions";
import { afterEach, describe, expect, it } from "vitest";
import { createAnthropicModel, ModelCallError } from "../src/anthropic.js";
import { draftUserMessage } from "../src/prompts.js";
import { apiError, type FakeReply, startFakeAnthropic, textOnly, toolUse } from "./fake-anthropic.js";

const KEY = "sk-ant-test";
let fake: Awaited<ReturnType<typeof startFakeAnthropic>> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function modelWith(replies: FakeReply[], extra = {}) {
  fake = await startFakeAnthropic(KEY, replies);
  return createAnthropicModel({ apiKey: KEY, baseUrl: fake.url, model: "claude-sonnet-5-5", ...extra });
}

const triageRequest: TriageRequest = {
  message: { text: "I was charged twice for my subscription this month", from: "ann@example.com" },
  categories: DEFAULT_CATEGORIES,
  defaultLanguage: "en",
};

const goodTriage = {
  category: "billing",
  intent: "double_charge",
  priority: "high",
  language: "en",
  sentiment: "negative",
  spam: false,
  needsHuman: false,
  confidence: 0.93,
  reasons: ["charged twice"],
  flags: ["angry_customer"],
};

const passages: RetrievedPassage[] = [
  {
    id: "psg_1",
    sourceId: "src_1",
    title: "Double charges",
    url: null,
    text: "Duplicate charges are refunded automatically within 5 days.",
    score: 9,
  },
];

const draftRequest: DraftRequest = {
  question: "I was charged twice",
  customerName: "Ann",
  language: "en",
  tone: "friendly",
  persona: "Acme support",
  signature: "The Acme team",
  passages,
  conversation: [{ from: "customer", text: "I was charged twice" }],
  customerContext: ["plan: Pro"],
};

describe("Anthropic adapter against a fake Messages API", () => {
  it("triages through the tool, with a cached static system prompt, and records tokens and cost", async () => {
    const model = await modelWith([toolUse("record_triage", goodTriage, { cache_creation_input_tokens: 1000 })]);
    const result = await model.triage(triageRequest);
    expect(result.fallbackReason).toBeNull();
    expect(result.value).toMatchObject({
      category: "billing",
      intent: "double_charge",
      needsHuman: false,
      confidence: 0.93,
    });
    expect(result.value.reasons).toEqual(["claude: charged twice"]);

    const [request] = fake?.requests ?? [];
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.body).toMatchObject({
      model: "claude-sonnet-5-5",
      tool_choice: { type: "auto" },
      system: [{ type: "text", cache_control: { type: "ephemeral" } }],
    });
    const tools = request?.body.tools as { name: string; input_schema: { type: string; required: string[] } }[];
    expect(tools[0]?.input_schema.type).toBe("object");
    expect(tools[0]?.input_schema.required).toContain("category");
    // App-specific content stays out of the cached system prompt.
    expect(JSON.stringify(request?.body.system)).not.toContain("charged twice");

    expect(result.usage).toHaveLength(1);
    expect(result.usage[0]).toMatchObject({
      provider: "anthropic",
      model: "claude-sonnet-5-5",
      inputTokens: 100,
      outputTokens: 50,
      cacheCreationInputTokens: 1000,
      cacheReadInputTokens: 0,
    });
    // Sonnet 5.5: 100 x $2 + 50 x $10 + 1000 x $2.50 per million tokens
    expect(result.usage[0]?.costUsd).toBeCloseTo(0.0032, 10);
    expect(result.usage[0]?.requestId).toMatch(/^req_/);
  });

  it("has a fake that takes the key as x-api-key too, like the real API", async () => {
    fake = await startFakeAnthropic(KEY, [toolUse("record_triage", goodTriage)]);
    const response = await fetch(`${fake.url}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": KEY, "content-type": "application/json", "anthropic-version": "2023-06-01" },
      body: JSON.stringify({ model: "claude-sonnet-5-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }),
    });
    expect(response.status).toBe(200);
    const rejected = await fetch(`${fake.url}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": "nope" },
      body: "{}",
    });
    expect(rejected.status).toBe(401);
  });

  it("retries 429 and 529 with backoff, then succeeds", async () => {
    const model = await modelWith([apiError(429), apiError(529), toolUse("record_triage", goodTriage)]);
    const result = await model.triage(triageRequest);
    expect(result.value.category).toBe("billing");
    expect(fake?.requests).toHaveLength(3);
  });

  it("throws ModelCallError once retries are exhausted, and on a bad key", async () => {
    const model = await modelWith([apiError(529), apiError(529), apiError(529)], { maxRetries: 2 });
    const error = await model.triage(triageRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as ModelCallError).status).toBe(529);
    expect(fake?.requests).toHaveLength(3);
    await fake?.close();

    fake = await startFakeAnthropic("another-key", []);
    const wrong = createAnthropicModel({ apiKey: KEY, baseUrl: fake.url, model: "claude-sonnet-5-5" });
    expect(((await wrong.triage(triageRequest).catch((e: unknown) => e)) as ModelCallError).status).toBe(401);
  });

  it("gives up on a call slower than the timeout", async () => {
    const model = await modelWith([{ ...toolUse("record_triage", goodTriage), delayMs: 2000 }], {
      timeoutMs: 100,
      maxRetries: 0,
    });
    await expect(model.triage(triageRequest)).rejects.toBeInstanceOf(ModelCallError);
  });

  it.each([
    ["missing fields", toolUse("record_triage", { category: "billing" }), /invalid record_triage input/],
    [
      "an unknown category",
      toolUse("record_triage", { ...goodTriage, category: "lottery" }),
      /unknown category "lottery"/,
    ],
    ["text instead of the tool", textOnly("It is billing."), /no record_triage tool call/],
  ])("hands a triage with %s to a human, with the reason", async (_, reply, reason) => {
    const model = await modelWith([reply]);
    const result = await model.triage(triageRequest);
    expect(result.fallbackReason).toMatch(reason);
    expect(result.value).toMatchObject({ needsHuman: true, confidence: 0, category: "other" });
    expect(result.value.reasons[0]).toMatch(reason);
    expect(result.usage).toHaveLength(1);
  });

  it("drafts a cited reply", async () => {
    const model = await modelWith([
      toolUse("write_reply", {
        text: "Hi Ann,\n\nDuplicate charges are refunded automatically within 5 days.\n\nBest,\nThe Acme team",
        citations: ["psg_1"],
        confidence: 0.92,
        needsHuman: false,
        reason: "the passage answers it",
      }),
    ]);
    const result = await model.draft(draftRequest);
    expect(result.value).toMatchObject({
      kind: "reply",
      confidence: 0.92,
      needsHuman: false,
      citations: [{ passageId: "psg_1", sourceId: "src_1", title: "Double charges", url: null }],
    });
    const user = JSON.stringify(fake?.requests[0]?.body.messages);
    expect(user).toContain('<passage id=\\"psg_1\\" title=\\"Double charges\\" score=\\"9.000\\"');
    expect(user).toContain("plan: Pro");
    expect(fake?.requests[0]?.body.tools).toMatchObject([{ name: "write_reply" }]);
    // Offered no actions, the model proposes none, and the offline rules propose instead.
    expect(result.value.proposals).toBeUndefined();
  });

  it.each([
    ["a malformed reply", toolUse("write_reply", { text: 42 }), /invalid write_reply input/],
    [
      "an invented citation",
      toolUse("write_reply", { text: "Hi", citations: ["psg_404"], confidence: 0.9, needsHuman: false, reason: "x" }),
      /not provided: psg_404/,
    ],
    [
      "an empty reply",
      toolUse("write_reply", { text: " ", citations: [], confidence: 0.9, needsHuman: false, reason: "x" }),
      /empty reply/,
    ],
  ])("declines a draft with %s, never sending it", async (_, reply, reason) => {
    const model = await modelWith([reply]);
    const result = await model.draft(draftRequest);
    expect(result.fallbackReason).toMatch(reason);
    expect(result.value).toMatchObject({ kind: "decline", text: "", needsHuman: true, citations: [] });
    expect(result.value.reasons[0]).toMatch(reason);
  });

  it("passes on the model's own decision to ask a human", async () => {
    const model = await modelWith([
      toolUse("write_reply", {
        text: "",
        citations: [],
        confidence: 0,
        needsHuman: true,
        reason: "no passage covers refunds to PayPal",
      }),
    ]);
    const result = await model.draft(draftRequest);
    expect(result.fallbackReason).toBeNull();
    expect(result.value).toMatchObject({ kind: "decline", needsHuman: true });
    expect(result.value.reasons[0]).toContain("no passage covers refunds to PayPal");
  });
});

describe("the draft prompt", () => {
  it("gives the passages retrieval judged weakly related, with their scores, and says so", () => {
    const weak = draftUserMessage({ ...draftRequest, relevant: false });
    expect(weak).toContain('score="9.000"');
    expect(weak).toContain("retrieval judged them weakly related");
    expect(draftUserMessage(draftRequest)).not.toContain("weakly related");
  });
});
