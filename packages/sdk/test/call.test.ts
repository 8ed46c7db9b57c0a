import { afterEach, describe, expect, it } from "vitest";
import { callProductApp, createSupportHandler, ProductAppError, verifySignature } from "../src/index.js";
import { listenFetch, sampleIntegration } from "./servers.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(fetch: (request: Request) => Response | Promise<Response>) {
  const server = await listenFetch(fetch);
  closers.push(server.close);
  return server.url;
}

async function failure(promise: Promise<unknown>): Promise<ProductAppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProductAppError);
  return error as ProductAppError;
}

describe("callProductApp", () => {
  it("signs with every secret given, so an app on either side of a rotation verifies it, and ignores unknown capabilities", async () => {
    const seen: { body: string; header: string | null }[] = [];
    const url = await serve(async (request) => {
      seen.push({ body: await request.text(), header: request.headers.get("x-support-signature") });
      return Response.json({
        sdkVersion: "9.9.9",
        capabilities: ["lookupUser", "getPurchases", "aMethodFromANewerSdk"],
      });
    });
    const described = await callProductApp({
      url,
      secret: ["new", "old"],
      action: "describe",
      input: {},
      idempotencyKey: "k1",
    });
    expect(described.capabilities).toEqual(["lookupUser", "getPurchases"]);
    const [{ body, header } = { body: "", header: null }] = seen;
    expect(JSON.parse(body)).toMatchObject({ action: "describe", input: {}, idempotencyKey: "k1" });
    for (const secret of ["new", "old"]) expect(verifySignature({ body, header, secrets: [secret] }).ok).toBe(true);
  });

  it("makes two identical calls distinguishable from a replay", async () => {
    const sample = sampleIntegration();
    const url = await serve(createSupportHandler({ integration: sample.integration, secrets: ["s"] }));
    const input = { email: "ada@example.com" };
    await callProductApp({ url, secret: "s", action: "lookupUser", input });
    await callProductApp({ url, secret: "s", action: "lookupUser", input });
    expect(sample.calls).toHaveLength(2);
  });

  it("refuses to send input outside the contract", async () => {
    const error = await failure(
      callProductApp({
        url: "http://127.0.0.1:9",
        secret: "s",
        action: "refund",
        input: { purchaseId: "p", reason: "" },
      }),
    );
    expect(error.kind).toBe("invalid_input");
    expect(error.message).toContain("reason");
  });

  it("reports answers outside the contract, problems, timeouts and unreachable apps as typed failures", async () => {
    const url = await serve(async (request) => {
      const { action } = (await request.json()) as { action: string };
      if (action === "getAppInfo") return Response.json({ name: 42 });
      if (action === "getRefundPolicy")
        return new Promise<Response>((resolve) => setTimeout(() => resolve(Response.json({ windowDays: 1 })), 2000));
      return new Response(
        JSON.stringify({ status: 409, code: "conflict", detail: "already refunded", requestId: "req_9" }),
        {
          status: 409,
          headers: { "content-type": "application/problem+json" },
        },
      );
    });
    const invalid = await failure(callProductApp({ url, secret: "s", action: "getAppInfo", input: {} }));
    expect(invalid).toMatchObject({ kind: "invalid_response" });
    expect(invalid.message).toContain("name");
    const conflict = await failure(
      callProductApp({ url, secret: "s", action: "refund", input: { purchaseId: "p", reason: "duplicate" } }),
    );
    expect(conflict).toMatchObject({ kind: "http", details: { status: 409, code: "conflict", requestId: "req_9" } });
    expect(
      await failure(callProductApp({ url, secret: "s", action: "getRefundPolicy", input: {}, timeoutMs: 50 })),
    ).toMatchObject({
      kind: "timeout",
    });
    const closed = await serve(() => new Response());
    await closers.pop()?.();
    expect(await failure(callProductApp({ url: closed, secret: "s", action: "describe", input: {} }))).toMatchObject({
      kind: "network",
    });
  });
});
