import { describe, expect, it } from "vitest";
import {
  createSupportHandler,
  MemoryReplayCache,
  SupportActionError,
  type SupportHandlerLogger,
  signPayload,
} from "../src/index.js";
import { sampleIntegration } from "./servers.js";

const NOW = 1_800_000_000;
const silent: SupportHandlerLogger & { lines: string[] } = {
  lines: [],
  warn(_details, message) {
    this.lines.push(message);
  },
  error(details, message) {
    this.lines.push(`${message} ${String((details.err as Error | undefined)?.message ?? "")}`);
  },
};

function signed(body: unknown, secrets = ["s1"], timestamp = NOW, headers: Record<string, string> = {}) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return new Request("http://app.test/support", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-support-signature": signPayload(raw, secrets, timestamp),
      ...headers,
    },
    body: raw,
  });
}

function handlerWith(overrides: Partial<Parameters<typeof createSupportHandler>[0]> = {}) {
  const sample = sampleIntegration();
  const handler = createSupportHandler({
    integration: sample.integration,
    secrets: ["s1"],
    logger: silent,
    now: () => NOW,
    ...overrides,
  });
  return { handler, calls: sample.calls };
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as {
    status: number;
    code: string;
    detail: string;
    requestId: string;
    issues?: unknown;
  };
}

describe("createSupportHandler", () => {
  it("dispatches a signed action with its validated input and returns the validated output", async () => {
    const { handler, calls } = handlerWith();
    const response = await handler(signed({ action: "lookupUser", input: { email: "ada@example.com" } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "u_1", email: "ada@example.com", name: "Ada" });
    expect(calls).toEqual([{ action: "lookupUser", input: { email: "ada@example.com" } }]);
  });

  it("answers describe with capabilities and passes the idempotency key to side effects", async () => {
    const { handler, calls } = handlerWith();
    const described = await handler(signed({ action: "describe" }));
    expect(await described.json()).toMatchObject({ capabilities: ["lookupUser", "getPurchases", "refund"] });
    const refund = await handler(
      signed({
        action: "refund",
        input: { purchaseId: "p_1", reason: "duplicate" },
        idempotencyKey: "conv1:refund:abc",
      }),
    );
    expect(refund.status).toBe(200);
    expect(calls.at(-1)).toMatchObject({ action: "refund", idempotencyKey: "conv1:refund:abc" });
  });

  it("accepts the old and the new secret during a rotation, and only the new one after", async () => {
    const overlap = handlerWith({ secrets: ["new", "old"] }).handler;
    expect((await overlap(signed({ action: "describe", nonce: "1" }, ["old"]))).status).toBe(200);
    expect((await overlap(signed({ action: "describe", nonce: "2" }, ["new"]))).status).toBe(200);
    const afterRemoval = handlerWith({ secrets: ["new"] }).handler;
    expect((await afterRemoval(signed({ action: "describe", nonce: "3" }, ["old"]))).status).toBe(401);
    expect((await afterRemoval(signed({ action: "describe", nonce: "4" }, ["new", "old"]))).status).toBe(200);
  });

  it("rejects timestamps more than five minutes away in either direction", async () => {
    const { handler } = handlerWith();
    for (const [timestamp, status] of [
      [NOW - 300, 200],
      [NOW + 300, 200],
      [NOW - 301, 401],
      [NOW + 301, 401],
    ] as const) {
      expect((await handler(signed({ action: "describe", nonce: String(timestamp) }, ["s1"], timestamp))).status).toBe(
        status,
      );
    }
  });

  it("answers 401, never 500, to malformed or missing signatures", async () => {
    const { handler, calls } = handlerWith();
    for (const header of [null, "", "t=", "t=abc,v1=zz", "v1=", "t=1,,,", "=,=", "t=99999999999999999999,v1=00"]) {
      const request = new Request("http://app.test/support", {
        method: "POST",
        headers: header === null ? {} : { "x-support-signature": header },
        body: '{"action":"describe"}',
      });
      const problem = await problemOf(await handler(request));
      expect(problem).toMatchObject({ status: 401, code: "unauthorized" });
    }
    expect(calls).toEqual([]);
  });

  it("rejects a replayed request, even with its signatures reordered", async () => {
    const { handler, calls } = handlerWith({ secrets: ["new", "old"] });
    const body = JSON.stringify({ action: "lookupUser", input: { email: "ada@example.com" } });
    const header = signPayload(body, ["new", "old"], NOW);
    const send = (h: string) =>
      handler(new Request("http://app.test/support", { method: "POST", headers: { "x-support-signature": h }, body }));
    expect((await send(header)).status).toBe(200);
    expect((await problemOf(await send(header))).code).toBe("unauthorized");
    const [t, v1new, v1old] = header.split(",");
    expect((await send(`${t},${v1old}`)).status).toBe(401);
    expect((await send(`${t},${v1old},${v1new}`)).status).toBe(401);
    expect(calls).toHaveLength(1);
  });

  it("names the offending field on bad input, 404s unknown actions and 501s unimplemented ones", async () => {
    const { handler } = handlerWith();
    const bad = await problemOf(await handler(signed({ action: "lookupUser", input: { email: "nope" } })));
    expect(bad).toMatchObject({ status: 400, code: "invalid_input" });
    expect(bad.detail).toContain("input.email");
    expect((await problemOf(await handler(signed("{not json")))).status).toBe(400);
    expect((await problemOf(await handler(signed({ input: {} })))).detail).toContain("action");
    expect(await problemOf(await handler(signed({ action: "dropTables" })))).toMatchObject({
      status: 404,
      code: "not_found",
    });
    expect(await problemOf(await handler(signed({ action: "toString" })))).toMatchObject({ status: 404 });
    expect(
      await problemOf(await handler(signed({ action: "generateMagicLink", input: { email: "a@b.co" } }))),
    ).toMatchObject({ status: 501, code: "not_implemented" });
  });

  it("turns thrown errors into a 500 that leaks nothing, and SupportActionError into its own status", async () => {
    const secret = "db password is hunter2";
    const { handler } = handlerWith({
      integration: {
        lookupUser: () => {
          throw new Error(secret);
        },
        getPurchases: () => {
          throw new SupportActionError("not_found", "no such user");
        },
        getAppInfo: () => ({ name: "" }) as never,
      },
    });
    const crashed = await handler(signed({ action: "lookupUser", input: { email: "a@b.co" } }));
    const text = await crashed.text();
    expect(crashed.status).toBe(500);
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text).requestId).toMatch(/^req_/);
    expect(silent.lines.some((l) => l.includes("hunter2"))).toBe(true);
    expect(await problemOf(await handler(signed({ action: "getPurchases", input: { userId: "u" } })))).toMatchObject({
      status: 404,
      detail: "no such user",
    });
    expect(await problemOf(await handler(signed({ action: "getAppInfo" })))).toMatchObject({
      status: 500,
      code: "internal",
    });
  });

  it("answers 405 to anything but POST", async () => {
    const { handler } = handlerWith();
    const response = await handler(new Request("http://app.test/support"));
    expect((await problemOf(response)).status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("refuses oversized bodies with 413 before verifying them", async () => {
    const { handler } = handlerWith({ maxBodyBytes: 100 });
    const response = await handler(signed({ action: "describe", input: {}, nonce: "x".repeat(200) }));
    expect((await problemOf(response)).status).toBe(413);
    const stream = new Request("http://app.test/support", {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(80));
          controller.enqueue(new Uint8Array(80));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect((await handler(stream)).status).toBe(413);
  });

  it("refuses an integration without the required methods", () => {
    expect(() => createSupportHandler({ integration: {} as never, secrets: ["s"] })).toThrow(/lookupUser/);
    expect(() => createSupportHandler({ integration: sampleIntegration().integration, secrets: [] })).toThrow();
  });
});

describe("MemoryReplayCache", () => {
  it("forgets entries once they expire and never holds more than its bound", () => {
    let now = 1000;
    const cache = new MemoryReplayCache(3, () => now);
    expect(cache.remember("a", 1300)).toBe(true);
    expect(cache.remember("a", 1300)).toBe(false);
    now = 1301;
    expect(cache.remember("a", 1601)).toBe(true);
    for (const key of ["b", "c", "d", "e"]) cache.remember(key, 1601);
    expect(cache.size).toBe(3);
    expect(cache.remember("e", 1601)).toBe(false);
  });
});
