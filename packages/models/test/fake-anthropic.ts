import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A fake Anthropic Messages API on 127.0.0.1 speaking the real wire format: POST /v1/messages,
 * the key as x-api-key or as Authorization: Bearer (SDK 1.x sends the latter), JSON error envelopes, retry-after-ms on 429/529.
 */

export interface FakeReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface RecordedRequest {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export function toolUse(name: string, input: unknown, usage: Partial<Record<string, number>> = {}): FakeReply {
  return toolUses([{ name, input }], usage);
}

/** One answer calling several tools, as the API does when the model uses tools in parallel. */
export function toolUses(
  calls: { name: string; input: unknown }[],
  usage: Partial<Record<string, number>> = {},
): FakeReply {
  return {
    status: 200,
    headers: { "request-id": `req_${Math.random().toString(36).slice(2)}` },
    body: {
      id: "msg_fake",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-5-5",
      content: calls.map((call, index) => ({ type: "tool_use", id: `toolu_fake_${index}`, ...call })),
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: {
        input_tokens: 100,
        output_tokens: 50,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        ...usage,
      },
    },
  };
}

export function textOnly(text: string): FakeReply {
  return {
    status: 200,
    body: {
      id: "msg_fake",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-5-5",
      content: [{ type: "text", text }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 80, output_tokens: 20 },
    },
  };
}

export function apiError(status: 429 | 500 | 529, retryAfterMs = 1): FakeReply {
  const type = status === 429 ? "rate_limit_error" : status === 529 ? "overloaded_error" : "api_error";
  return {
    status,
    headers: { "retry-after-ms": String(retryAfterMs) },
    body: { type: "error", error: { type, message: type } },
  };
}

/** `GET /v1/models/{id}` answers for these models and 404 for any other. */
export async function startFakeAnthropic(key: string, replies: FakeReply[], knownModels = ["claude-sonnet-5-5"]) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const send = (reply: FakeReply) => {
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(JSON.stringify(reply.body));
      };
      const authorised = req.headers["x-api-key"] === key || req.headers.authorization === `Bearer ${key}`;
      if (!authorised) {
        return send({
          status: 401,
          body: { type: "error", error: { type: "authentication_error", message: "invalid x-api-key" } },
        });
      }
      const model = req.method === "GET" ? /^\/v1\/models\/([^/?]+)/.exec(req.url ?? "")?.[1] : undefined;
      if (model && knownModels.includes(decodeURIComponent(model))) {
        const id = decodeURIComponent(model);
        return send({
          status: 200,
          body: { type: "model", id, display_name: id, created_at: "2026-01-01T00:00:00Z" },
        });
      }
      if (req.method !== "POST" || req.url !== "/v1/messages") {
        return send({ status: 404, body: { type: "error", error: { type: "not_found_error", message: req.url } } });
      }
      requests.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      const reply = replies.shift() ?? {
        status: 500,
        body: { type: "error", error: { type: "api_error", message: "no reply scripted" } },
      };
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (!res.destroyed) send(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    replies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
