import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { ApproveDraftInput, DraftActionView } from "@support/contract";
import { addTextSource, OPERATOR, processSource } from "@support/core";
import { eventually, setDraftActions } from "@support/product/testing";
import { type ApproveDraftOptions, type DraftAction, SupportClient, SupportError } from "@support/sdk";
import { signPayload } from "@support/sdk/signing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createApi } from "../src/app.js";
import { jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/**
 * The SDK's REST client approves a draft with the actions its caller picked, against the real
 * API over HTTP; its types are the contract's (the OpenAPI document's source), checked here by
 * the compiler and against `/openapi.json`.
 */
describe("the SDK client approves the actions it names, and only those", () => {
  let p: TestProduct;
  let api: { url: string; close: () => void };
  beforeAll(async () => {
    p = await openTestProduct({}, "Courses", { pipeline: true });
    const operator = p.runtime.contextFor(p.orgId, OPERATOR);
    const refunds = {
      app: p.appId,
      title: "Refunds",
      body: "# Refunds\n\nYou can ask for a refund of any purchase within 30 days; we refund the full amount to your card.\n",
    };
    await processSource(operator, (await addTextSource(operator, refunds)).id);
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
  });

  it("has the contract's shapes for a proposed action and the approval body", async () => {
    expectTypeOf<DraftAction>().toEqualTypeOf<DraftActionView>();
    expectTypeOf<ApproveDraftOptions>().toExtend<ApproveDraftInput>();
    const doc = await (await p.api.request("/openapi.json")).json();
    const body = doc.paths["/api/v1/drafts/{id}/approve"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties).sort()).toEqual(["actions", "text"]);
    expect(Object.keys(doc.components.schemas.DraftAction.properties).sort()).toEqual(
      ["action", "approved", "autoApprovable", "id", "input", "reason", "risk", "via"].sort(),
    );
  });

  it("reads the proposed actions and runs the one it picked", async () => {
    const raw = JSON.stringify({
      type: "message.received",
      id: "sdk-approval-1",
      customer: { email: "ada@example.com", name: "Ada" },
      message: { text: "Hello, can I get a refund for my ebook?" },
    });
    const inbound = await p.api.request(`/webhooks/generic/${p.appId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
      body: raw,
    });
    expect(inbound.status).toBe(200);
    const client = new SupportClient({ baseUrl: api.url, apiKey: p.ownerKey });
    const [waiting] = await eventually(
      async () => (await client.listDrafts({ app: p.appId, status: "pending_approval" })).data,
      (list) => list.length === 1,
      "the draft",
      20_000,
    );
    const draftId = waiting?.id ?? "";
    const refund = (id: string, purchaseId: string, amount: number): DraftAction => ({
      id,
      action: "refund",
      input: { purchaseId, amount },
      risk: "approval_required",
      autoApprovable: false,
      reason: `Refund ${purchaseId}.`,
      via: "recorded",
    });
    await setDraftActions(p.runtime, p.orgId, draftId, [
      refund("a1", "pur_course", 9900),
      refund("a2", "pur_ebook", 1900),
    ]);

    const draft = await client.getDraft(draftId);
    expect(draft.actions.map((a) => [a.id, a.input.purchaseId])).toEqual([
      ["a1", "pur_course"],
      ["a2", "pur_ebook"],
    ]);
    await expect(client.approveDraft(draftId, {} as never)).rejects.toBeInstanceOf(SupportError);
    const ebookOnly = draft.actions.filter((a) => a.input.purchaseId === "pur_ebook").map((a) => a.id);
    const approved = await client.approveDraft(draftId, { actions: ebookOnly });
    expect(approved.actions.map((a) => [a.id, a.approved])).toEqual([
      ["a1", false],
      ["a2", true],
    ]);
    const executed = await eventually(
      async () => (await (await jsonCall(p, `/api/v1/drafts/${draftId}`)).json()).executions as { input: unknown }[],
      (list) => list.length > 0,
      "the ebook's refund",
    );
    expect(executed.map((e) => e.input)).toEqual([{ purchaseId: "pur_ebook", amount: 1900 }]);
  }, 30_000);
});
