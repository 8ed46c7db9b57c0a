import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { skillIn } from "@support/cli/testing";
import type { DraftView } from "@support/contract";
import { addTextSource, OPERATOR, processSource } from "@support/core";
import { createSampleApp } from "@support/example-sample-app";
import { seededStore } from "@support/example-sample-app/store";
import { eventually } from "@support/product/testing";
import { SupportClient } from "@support/sdk";
import { signPayload } from "@support/sdk/signing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";
import { jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/**
 * The wrong refund (ADR 0090): Ada bought a 99 € course and a 19 € ebook and asks to
 * refund the ebook. Through the real pipeline and the example product app: the proposal names
 * the ebook, a message that does not say which purchase gets a question instead of a guess, and
 * no surface approves an action the approver was not shown and did not pick.
 */

const SECRET = "whsec_right_purchase";
const refundPolicy = {
  title: "Refunds",
  body: "# Refunds\n\nYou can ask for a refund of any purchase, a course or an ebook, within 30 days; we refund the full amount to your card.\n",
};

function startSampleApp() {
  const store = seededStore();
  const app = createSampleApp({ store, secrets: [SECRET] });
  return new Promise<{ url: string; store: typeof store; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}/support`,
        store,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

describe("a proposed action names the purchase the customer meant", () => {
  let p: TestProduct;
  let sample: Awaited<ReturnType<typeof startSampleApp>>;
  let api: { url: string; close: () => void };
  beforeAll(async () => {
    sample = await startSampleApp();
    p = await openTestProduct({}, "Courses", { pipeline: true });
    const operator = p.runtime.contextFor(p.orgId, OPERATOR);
    await processSource(operator, (await addTextSource(operator, { app: p.appId, ...refundPolicy })).id);
    const integration = await jsonCall(p, `/api/v1/apps/${p.appId}/integration`, {
      method: "PUT",
      body: { url: sample.url, secret: SECRET },
    });
    expect(integration.status).toBe(200);
    const server = serve({
      fetch: createApi(p.runtime, pino({ level: "silent" })).fetch,
      port: 0,
      hostname: "127.0.0.1",
    });
    await new Promise((resolve) => server.once("listening", resolve));
    api = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
  });
  afterAll(async () => {
    api.close();
    await p.runtime.stop();
    await p.runtime.database.close();
    await sample.close();
  });

  async function adaWrites(id: string, text: string): Promise<DraftView> {
    const raw = JSON.stringify({
      type: "message.received",
      id,
      customer: { email: "ada@example.com", name: "Ada" },
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
      (list) => list.some((d) => !seen.has(d.id)),
      `the draft for ${id}`,
      20_000,
    );
    const draft = drafts.find((d) => !seen.has(d.id)) as DraftView;
    seen.add(draft.id);
    return draft;
  }
  const seen = new Set<string>();
  const env = () => ({ DATA_DIR: "/nonexistent-cli-data", SUPPORT_API_URL: api.url, SUPPORT_API_KEY: p.ownerKey });

  it("asks which purchase instead of guessing when the message does not say", async () => {
    const draft = await adaWrites("which-1", "Hi, I would like a refund please.");
    expect(draft.actions).toEqual([]);
    expect(draft.text).toContain("Which purchase is this about: TypeScript Pro course (99.00 EUR, 2026-11-10)");
    // The SDK client approves with the actions chosen (here: the reply alone, nothing to run).
    const client = new SupportClient({ baseUrl: api.url, apiKey: p.ownerKey });
    const sent = await client.approveDraft(draft.id, { actions: [] });
    expect(sent.status).toBe("approved");
  });

  it("refunds the 19 € ebook, not the newer 99 € course, and only once the approver picked it", async () => {
    const draft = await adaWrites("ebook-1", "Hello, can I get a refund for the 19 € ebook purchase?");
    expect(draft.status).toBe("pending_approval");
    expect(draft.actions).toEqual([
      expect.objectContaining({
        id: "a1",
        action: "refund",
        input: expect.objectContaining({ purchaseId: "pur_ebook", amount: 1900 }),
      }),
    ]);
    expect(draft.gates.find((g) => g.gate === "action_claims")).toMatchObject({ passed: true });

    // Neither --actions nor --no-actions: refused, with what would have run.
    const refused = await skillIn(env(), "drafts", "approve", draft.id);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toBe(
      `skill: draft ${draft.id} proposes actions (a1: refund (approval_required) Refund 19.00 EUR for Testing ebook bought 2026-06-01.); choose what runs with --actions <id,...> or --no-actions\n`,
    );
    // The API refuses the same approval, so no surface can skip the choice.
    const bare = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: {} });
    expect(bare.status).toBe(400);
    expect((await bare.json()).detail).toMatch(/this draft proposes a1 \(Refund 19\.00 EUR for Testing ebook/);
    expect(sample.store.refunds).toEqual([]);

    const approved = await skillIn(env(), "drafts", "approve", draft.id, "--actions", "a1");
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toContain("action a1: refund");
    await eventually(
      async () => sample.store.refunds,
      (r) => r.length === 1,
      "the ebook's refund",
    );
    expect(sample.store.refunds).toEqual([expect.objectContaining({ purchaseId: "pur_ebook", amount: 1900 })]);
  }, 30_000);
});
