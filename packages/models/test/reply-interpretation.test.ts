import type { ModelReplyRequest } from "@support/decisions";
import { afterEach, describe, expect, it } from "vitest";
import { createAnthropicModel } from "../src/anthropic.js";
import { createCascadeModel } from "../src/cascade.js";
import { createOfflineModel } from "../src/offline.js";
import { apiError, startFakeAnthropic, textOnly, toolUse } from "./fake-anthropic.js";

/** Reading a customer's reply through the model port (ADR 0114), against a fake Anthropic API. */

let fake: Awaited<ReturnType<typeof startFakeAnthropic>> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const request = (text: string): ModelReplyRequest => ({
  text,
  language: "fr",
  asked: "Votre modélisation coûte 1 crédit. Répondez pour valider le devis.",
  newFields: [],
});

async function cascadeWith(replies: Parameters<typeof startFakeAnthropic>[1]) {
  fake = await startFakeAnthropic("sk-test", replies);
  const claude = createAnthropicModel({
    apiKey: "sk-test",
    baseUrl: fake.url,
    model: "claude-sonnet-5-5",
    maxRetries: 0,
  });
  return createCascadeModel(createOfflineModel(), claude);
}

describe("reply interpretation by the model port", () => {
  it("takes Claude's valid, confident reading, and sends it the reply and what was asked", async () => {
    const model = await cascadeWith([
      toolUse("record_reply_intent", { intent: "refuse", confidence: 0.93, reason: "the customer declines" }),
    ]);
    const read = await model.interpretReply?.(request("Bon, je crois que je vais attendre l'an prochain."));
    expect(read).toMatchObject({
      value: { intent: "refuse", confidence: 0.93, reasons: ["claude: the customer declines"] },
      fallbackReason: null,
    });
    expect(read?.usage).toHaveLength(1);
    const body = fake?.requests[0]?.body as { tools: { name: string }[]; messages: { content: string }[] };
    expect(body.tools.map((t) => t.name)).toEqual(["record_reply_intent"]);
    expect(body.messages[0]?.content).toContain("je vais attendre l'an prochain");
    expect(body.messages[0]?.content).toContain("coûte 1 crédit");
  });

  it("falls back to the offline interpreter on an invalid answer (zod), saying why", async () => {
    const model = await cascadeWith([toolUse("record_reply_intent", { intent: "maybe", confidence: 2, reason: "" })]);
    const read = await model.interpretReply?.(request("Je ne valide pas"));
    expect(read?.value.intent).toBe("refuse");
    expect(read?.fallbackReason).toMatch(/unusable \(invalid record_reply_intent input \(intent: /);
  });

  it("falls back on an answer without the tool", async () => {
    const model = await cascadeWith([textOnly("The customer accepts.")]);
    const read = await model.interpretReply?.(request("Parfait, je valide"));
    expect(read?.value.intent).toBe("accept");
    expect(read?.fallbackReason).toContain("no record_reply_intent tool call");
  });

  it("falls back when Claude is unsure", async () => {
    const model = await cascadeWith([
      toolUse("record_reply_intent", { intent: "accept", confidence: 0.4, reason: "hard to say" }),
    ]);
    const read = await model.interpretReply?.(request("Ok mais combien de temps faut-il ?"));
    expect(read?.value.intent).toBe("question");
    expect(read?.fallbackReason).toContain("unsure (accept 0.40)");
  });

  it("falls back when the API fails", async () => {
    const model = await cascadeWith([apiError(500)]);
    const read = await model.interpretReply?.(request("I don't accept the quote"));
    expect(read?.value.intent).toBe("refuse");
    expect(read?.fallbackReason).toMatch(/failed \(Anthropic API 500 error/);
  });

  it("reads offline without Claude: deterministic, no usage", async () => {
    const model = createOfflineModel();
    const a = await model.interpretReply?.(request("Voici les photos demandées"));
    expect(a).toMatchObject({ value: { intent: "more_info" }, usage: [], fallbackReason: null });
    expect(await model.interpretReply?.(request("Voici les photos demandées"))).toEqual(a);
  });
});
