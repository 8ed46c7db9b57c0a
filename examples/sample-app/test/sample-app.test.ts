import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type ActionInput, type ActionName, callProductApp, ProductAppError, signPayload } from "@support/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSampleApp } from "../src/app.js";
import { seededStore } from "../src/store.js";

const store = seededStore();
let url = "";
let close = () => Promise.resolve();

beforeAll(async () => {
  const app = createSampleApp({ store, secrets: ["whsec_new", "whsec_old"] });
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      url = `http://127.0.0.1:${info.port}/support`;
      close = () => new Promise<void>((done) => server.close(() => done()));
      resolve();
    });
  });
});
afterAll(() => close());

function call<A extends ActionName>(action: A, input: ActionInput<A>, idempotencyKey?: string) {
  return callProductApp({ url, secret: "whsec_new", action, input, idempotencyKey, timeoutMs: 2000 });
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProductAppError);
  return (error as ProductAppError).details;
}

describe("the sample app, called as the platform calls it", () => {
  it("reports what it implements", async () => {
    expect((await call("describe", {})).capabilities).toEqual([
      "lookupUser",
      "getPurchases",
      "refund",
      "transferPurchase",
      "generateMagicLink",
      "getRefundPolicy",
      "getAppInfo",
    ]);
    expect(await failure(call("getSubscriptions", { userId: "usr_ada" }))).toMatchObject({ status: 501 });
  });

  it("finds a customer by email or phone and lists their purchases", async () => {
    const ada = await call("lookupUser", { email: "ADA@example.com" });
    expect(ada).toMatchObject({ id: "usr_ada", name: "Ada Lovelace" });
    expect(await call("lookupUser", { phone: "+33600000001" })).toMatchObject({ id: "usr_ada" });
    expect(await call("lookupUser", { email: "nobody@example.com" })).toBeNull();
    const purchases = await call("getPurchases", { userId: "usr_ada" });
    expect(purchases.map((p) => [p.id, p.amount, p.status])).toEqual([
      ["pur_course", 9900, "paid"],
      ["pur_ebook", 1900, "paid"],
    ]);
  });

  it("refunds once per idempotency key and refuses to refund more than was paid", async () => {
    const first = await call(
      "refund",
      { purchaseId: "pur_course", amount: 4000, reason: "partial" },
      "cnv_1:refund:h1",
    );
    const retried = await call(
      "refund",
      { purchaseId: "pur_course", amount: 4000, reason: "partial" },
      "cnv_1:refund:h1",
    );
    expect(retried.refundId).toBe(first.refundId);
    expect(store.refunds).toHaveLength(1);
    expect((await call("getPurchases", { userId: "usr_ada" }))[0]).toMatchObject({
      status: "partially_refunded",
      refundedAmount: 4000,
    });
    expect(
      await failure(call("refund", { purchaseId: "pur_course", amount: 6000, reason: "too much" }, "cnv_1:refund:h2")),
    ).toMatchObject({ status: 400, code: "invalid_input" });
    const rest = await call("refund", { purchaseId: "pur_course", reason: "the rest" }, "cnv_1:refund:h3");
    expect(rest.amount).toBe(5900);
    expect(
      await failure(call("refund", { purchaseId: "pur_course", reason: "again" }, "cnv_1:refund:h4")),
    ).toMatchObject({
      status: 409,
      code: "conflict",
    });
    expect(await failure(call("refund", { purchaseId: "pur_nope", reason: "x" }))).toMatchObject({ status: 404 });
  });

  it("transfers a purchase and issues magic links only to known accounts", async () => {
    expect(await call("transferPurchase", { purchaseId: "pur_ebook", toEmail: "grace@example.com" })).toEqual({
      purchaseId: "pur_ebook",
      toUserId: "usr_grace",
    });
    expect((await call("getPurchases", { userId: "usr_grace" })).map((p) => p.id)).toContain("pur_ebook");
    const link = await call("generateMagicLink", { email: "grace@example.com" });
    expect(link.url).toMatch(/^https:\/\/sample-app\.example\/login\?token=/);
    expect(await failure(call("generateMagicLink", { email: "nobody@example.com" }))).toMatchObject({ status: 404 });
  });

  it("accepts the old secret during rotation and refuses unsigned, foreign and replayed calls", async () => {
    expect(await callProductApp({ url, secret: "whsec_old", action: "getAppInfo", input: {} })).toMatchObject({
      name: "Sample App",
    });
    expect(
      await failure(callProductApp({ url, secret: "whsec_other", action: "getAppInfo", input: {} })),
    ).toMatchObject({ status: 401, code: "unauthorized" });
    const body = JSON.stringify({ action: "lookupUser", input: { email: "ada@example.com" } });
    const headers = { "x-support-signature": signPayload(body, ["whsec_new"]) };
    expect((await fetch(url, { method: "POST", body })).status).toBe(401);
    expect((await fetch(url, { method: "POST", headers, body })).status).toBe(200);
    expect((await fetch(url, { method: "POST", headers, body })).status).toBe(401);
  });
});
