import type { DraftView } from "@support/contract";
import { apiError, startFakeAnthropic } from "@support/models/testing";
import type { PortOverrides } from "@support/product";
import { eventually } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/**
 * No silent outcome on a model outage (ADR 0091): with Claude answering 500 the offline model
 * drafts and the draft says so; with no model able to draft at all, the conversation gets a
 * "needs a human" draft and a Needs-attention item instead of a failed run.
 */

async function customerWrites(p: TestProduct, id: string, text: string): Promise<DraftView> {
  const raw = JSON.stringify({
    type: "message.received",
    id,
    customer: { email: `${id}@example.com`, name: "Ada" },
    message: { text },
  });
  const inbound = await p.api.request(`/webhooks/generic/${p.appId}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
    body: raw,
  });
  expect(inbound.status).toBe(200);
  const drafts = await eventually(
    async () => (await (await jsonCall(p, "/api/v1/drafts")).json()).data as DraftView[],
    (list) => list.length > 0,
    "a draft",
    20_000,
  );
  return drafts[0] as DraftView;
}

describe("Claude answering 500", () => {
  let fake: Awaited<ReturnType<typeof startFakeAnthropic>>;
  let p: TestProduct;
  beforeAll(async () => {
    // Fast retries (retry-after-ms: 1), then every call of the pipeline fails with a 500.
    fake = await startFakeAnthropic(
      "sk-ant-outage",
      Array.from({ length: 40 }, () => apiError(500)),
    );
    p = await openTestProduct({ ANTHROPIC_API_KEY: "sk-ant-outage", ANTHROPIC_BASE_URL: fake.url }, "Outage", {
      pipeline: true,
    });
  });
  afterAll(async () => {
    await p.runtime.stop();
    await p.runtime.database.close();
    await fake.close();
  });

  it("drafts with the offline model and records the fallback on the draft", async () => {
    const draft = await customerWrites(p, "outage-1", "Could you tell me what your opening hours are this week?");
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(["pending_approval", "declined"]).toContain(draft.status);
    const fallback = (draft.decision as { fallback: string[] }).fallback;
    expect(fallback.some((f) => /Anthropic API 500 error.*by the offline model$/.test(f))).toBe(true);
  });
});

describe("no model able to draft", () => {
  let p: TestProduct;
  const broken: NonNullable<PortOverrides["model"]> = {
    name: "broken",
    triage: async () => {
      throw new Error("model unavailable");
    },
    draft: async () => {
      throw new Error("model unavailable");
    },
  };
  beforeAll(async () => {
    p = await openTestProduct({}, "Broken", { pipeline: true, product: { ports: { model: broken } } });
  });
  afterAll(async () => {
    await p.runtime.stop();
    await p.runtime.database.close();
  });

  it("gives the conversation a needs-a-human draft and a Needs-attention item", async () => {
    const draft = await customerWrites(p, "broken-1", "Where is my parcel? It has been two weeks.");
    expect(draft.status).toBe("escalated");
    expect(draft.text).toBe("");
    expect(draft.reason).toMatch(/^needs a human: no draft could be written \(triage: model unavailable\)/);
    const items = await eventually(
      async () => (await (await jsonCall(p, "/api/v1/notifications")).json()).data as { draftId: string }[],
      (list) => list.some((n) => n.draftId === draft.id),
      "a Needs-attention item",
    );
    expect(items.find((n) => n.draftId === draft.id)).toMatchObject({ conversationId: draft.conversationId });
    // The customer is told a person will answer (the handoff notice, on by default), once.
    const told = await eventually(
      async () =>
        (
          (await (await jsonCall(p, `/api/v1/outbox?app=${p.appId}`)).json()).data as {
            conversationId: string;
            text: string;
          }[]
        )
          .filter((m) => m.conversationId === draft.conversationId)
          .map((m) => m.text),
      (texts) => texts.length > 0,
      "the handoff notice",
    );
    expect(told).toEqual(["Thank you for your message. A member of our team will answer you within 4 hours."]);
  });
});
