import { afterEach, describe, expect, it } from "vitest";
import {
  type Conversation,
  paginate,
  parseRetryAfter,
  retryDelayMs,
  SupportApiError,
  SupportClient,
  SupportError,
  SupportNetworkError,
  verifySignature,
} from "../src/index.js";
import { listenFetch } from "./servers.js";

interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Headers;
  body: string;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A fake platform on 127.0.0.1: records each request and answers from `respond`. */
async function fakePlatform(respond: (seen: Seen, count: number) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const server = await listenFetch(async (request) => {
    const url = new URL(request.url);
    const entry = {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body: await request.text(),
    };
    seen.push(entry);
    return respond(entry, seen.length);
  });
  closers.push(server.close);
  return { url: server.url, seen };
}

const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(
    JSON.stringify({ type: "about:blank", title: code, status, detail: `${code} happened`, code, requestId: "req_42" }),
    {
      status,
      headers: { "content-type": "application/problem+json", ...headers },
    },
  );

const fast = { baseMs: 1, maxMs: 5 };

describe("SupportClient on the wire", () => {
  it("sends a customer message to the generic webhook, signed with the app's secret and without the API key", async () => {
    const platform = await fakePlatform(() => Response.json({ eventId: "evt_1" }, { status: 202 }));
    const client = new SupportClient({ baseUrl: platform.url, apiKey: "sk_test", signingSecret: "whsec_app" });
    const sent = await client.sendMessage("acme", {
      id: "msg-1",
      customer: { email: "ada@example.com", name: "Ada" },
      conversation: { externalId: "thread-9", subject: "Refund" },
      message: { text: "I was charged twice" },
    });
    expect(sent).toEqual({ id: "msg-1", response: { eventId: "evt_1" } });
    const [request] = platform.seen;
    expect(request).toMatchObject({ method: "POST", path: "/webhooks/generic/acme" });
    expect(request?.headers.get("authorization")).toBeNull();
    expect(request?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual({
      type: "message.received",
      id: "msg-1",
      customer: { email: "ada@example.com", name: "Ada" },
      conversation: { externalId: "thread-9", subject: "Refund" },
      message: { text: "I was charged twice" },
    });
    const verified = verifySignature({
      body: request?.body ?? "",
      header: request?.headers.get("x-support-signature"),
      secrets: ["whsec_app"],
    });
    expect(verified.ok).toBe(true);
  });

  it("generates one message id and keeps it across retries, re-signing each attempt in a new second", async () => {
    const platform = await fakePlatform((_seen, count) => (count === 1 ? problem(503, "internal") : Response.json({})));
    const client = new SupportClient({ baseUrl: platform.url, signingSecret: "s", backoff: fast });
    const sent = await client.sendMessage("acme", {
      customer: { phone: "+261340000000" },
      message: { text: "Salama" },
    });
    expect(sent.id).toMatch(/^[0-9a-f-]{36}$/);
    const [first, second] = platform.seen.map((s) => ({
      id: JSON.parse(s.body).id,
      sig: s.headers.get("x-support-signature"),
    }));
    expect(first?.id).toBe(sent.id);
    expect(second?.id).toBe(sent.id);
    expect(first?.sig).not.toBe(second?.sig);
  });

  it("validates a message before sending it", async () => {
    const client = new SupportClient({ baseUrl: "http://127.0.0.1:9", signingSecret: "s" });
    await expect(client.sendMessage("acme", { customer: {}, message: { text: "" } })).rejects.toThrow(
      /customer.*message.text/s,
    );
    await expect(
      new SupportClient({ baseUrl: "http://127.0.0.1:9" }).sendMessage("a", {
        customer: { externalId: "x" },
        message: { text: "t" },
      }),
    ).rejects.toThrow(/signingSecret/);
  });

  it("calls the REST API with the API key, the documented paths and query parameters", async () => {
    const platform = await fakePlatform((seen) => {
      if (seen.path === "/api/v1/knowledge/search")
        return Response.json({ data: [{ id: "c1", text: "Refunds within 30 days", score: 0.9 }] });
      if (seen.path.endsWith("/approve") || seen.path.endsWith("/reject"))
        return Response.json({ id: "drf_1", status: "approved" });
      return Response.json({ data: [], nextCursor: null, id: "x" });
    });
    const client = new SupportClient({ baseUrl: `${platform.url}/`, apiKey: "sk_test" });
    await client.listConversations({ app: "acme", channel: "front", status: "open", cursor: "c2" });
    await client.getConversation("cnv_1");
    await client.listDrafts({ app: "acme", status: "pending" });
    await client.getDraft("drf/1");
    await client.approveDraft("drf_1", { text: "Edited reply", actions: [] });
    await client.approveDraft("drf_2", { actions: ["a1"] });
    await client.rejectDraft("drf_3", { reason: "wrong tone" });
    const hits = await client.searchKnowledge({ app: "acme", q: "refund policy", k: 3 });
    expect(hits.data[0]?.text).toContain("Refunds");
    expect(platform.seen.map((s) => [s.method, s.path, s.query, s.body])).toEqual([
      ["GET", "/api/v1/conversations", { app: "acme", channel: "front", status: "open", cursor: "c2" }, ""],
      ["GET", "/api/v1/conversations/cnv_1", {}, ""],
      ["GET", "/api/v1/drafts", { app: "acme", status: "pending" }, ""],
      ["GET", "/api/v1/drafts/drf%2F1", {}, ""],
      ["POST", "/api/v1/drafts/drf_1/approve", {}, '{"text":"Edited reply","actions":[]}'],
      ["POST", "/api/v1/drafts/drf_2/approve", {}, '{"actions":["a1"]}'],
      ["POST", "/api/v1/drafts/drf_3/reject", {}, '{"reason":"wrong tone"}'],
      ["GET", "/api/v1/knowledge/search", { app: "acme", q: "refund policy", k: "3" }, ""],
    ]);
    for (const s of platform.seen) expect(s.headers.get("authorization")).toBe("Bearer sk_test");
    await expect(client.rejectDraft("drf_3", { reason: " " })).rejects.toBeInstanceOf(SupportError);
    // An approval that does not say which actions run never leaves the client.
    const asked = platform.seen.length;
    await expect(client.approveDraft("drf_4", {} as never)).rejects.toThrow(/needs `actions`/);
    await expect(client.approveDraft("drf_4", { actions: "a1" } as never)).rejects.toBeInstanceOf(SupportError);
    expect(platform.seen).toHaveLength(asked);
  });

  it("walks every page with the cursor", async () => {
    const pages: Record<string, { data: Partial<Conversation>[]; nextCursor: string | null }> = {
      "": { data: [{ id: "a" }, { id: "b" }], nextCursor: "p2" },
      p2: { data: [{ id: "c" }], nextCursor: "p3" },
      p3: { data: [], nextCursor: null },
    };
    const platform = await fakePlatform((seen) => Response.json(pages[seen.query.cursor ?? ""]));
    const client = new SupportClient({ baseUrl: platform.url, apiKey: "k" });
    const ids: string[] = [];
    for await (const conversation of client.iterateConversations({ app: "acme" })) ids.push(conversation.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(platform.seen.map((s) => s.query)).toEqual([
      { app: "acme" },
      { app: "acme", cursor: "p2" },
      { app: "acme", cursor: "p3" },
    ]);
    const drafts = [];
    for await (const d of paginate(async (cursor) => ({
      data: [cursor ?? "first"],
      nextCursor: cursor ? null : "next",
    })))
      drafts.push(d);
    expect(drafts).toEqual(["first", "next"]);
  });

  it("throws typed errors carrying the problem's code, status and request id, without retrying other 4xx", async () => {
    const platform = await fakePlatform((seen) =>
      seen.path.includes("missing") ? problem(404, "not_found") : problem(409, "conflict"),
    );
    const client = new SupportClient({ baseUrl: platform.url, apiKey: "k", backoff: fast });
    const error = await client.getDraft("missing").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SupportApiError);
    expect(error).toMatchObject({ status: 404, code: "not_found", requestId: "req_42", detail: "not_found happened" });
    await expect(client.approveDraft("drf_1", { actions: [] })).rejects.toMatchObject({
      status: 409,
      code: "conflict",
    });
    expect(platform.seen).toHaveLength(2);
  });

  it("retries 429 and 5xx, honouring Retry-After, and gives up after the configured retries", async () => {
    const flaky = await fakePlatform((_seen, count) =>
      count === 1
        ? problem(429, "rate_limited", { "retry-after": "0" })
        : count === 2
          ? new Response("bad gateway", { status: 502 })
          : Response.json({ id: "drf_1" }),
    );
    const client = new SupportClient({ baseUrl: flaky.url, apiKey: "k", retries: 2, backoff: fast });
    expect(await client.getDraft("drf_1")).toEqual({ id: "drf_1" });
    expect(flaky.seen).toHaveLength(3);

    const down = await fakePlatform(
      () => new Response("<html>oops</html>", { status: 503, statusText: "Service Unavailable" }),
    );
    const error = await new SupportClient({ baseUrl: down.url, apiKey: "k", retries: 3, backoff: fast })
      .getDraft("x")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: "http_error" });
    expect(down.seen).toHaveLength(4);

    const slowDown = await fakePlatform(() => problem(429, "rate_limited", { "retry-after": "120" }));
    await expect(
      new SupportClient({
        baseUrl: slowDown.url,
        apiKey: "k",
        backoff: { ...fast, maxRetryAfterMs: 1000 },
      }).listDrafts(),
    ).rejects.toMatchObject({ status: 429 });
    expect(slowDown.seen).toHaveLength(1);
  });

  it("retries network failures and then reports them as SupportNetworkError", async () => {
    const gone = await fakePlatform(() => Response.json({}));
    await closers.pop()?.();
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts++;
      return fetch(input, init);
    };
    const client = new SupportClient({ baseUrl: gone.url, apiKey: "k", fetch: counting, retries: 2, backoff: fast });
    await expect(client.listConversations()).rejects.toBeInstanceOf(SupportNetworkError);
    expect(attempts).toBe(3);
  });
});

describe("retry timing", () => {
  it("backs off exponentially with full jitter, capped, and never below Retry-After", () => {
    const backoff = { baseMs: 100, maxMs: 1000, maxRetryAfterMs: 5000 };
    expect(retryDelayMs(0, undefined, backoff, () => 0.999)).toBe(99);
    expect(retryDelayMs(2, undefined, backoff, () => 0.999)).toBe(399);
    expect(retryDelayMs(10, undefined, backoff, () => 0.999)).toBe(999);
    expect(retryDelayMs(3, undefined, backoff, () => 0)).toBe(0);
    expect(retryDelayMs(0, 2000, backoff, () => 0.5)).toBe(2000);
    expect(retryDelayMs(0, 6000, backoff)).toBeUndefined();
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-24T12:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 12:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
