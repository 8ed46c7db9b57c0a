import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { SupportHandler } from "../handler.js";
import { problemResponse } from "../problem.js";

type NodeRequest = IncomingMessage & { body?: unknown };

/**
 * For `http.createServer(nodeHandler(handler))` and Express (`app.post("/support", nodeHandler(handler))`).
 * The signature covers the raw bytes, so on Express mount it before any JSON body parser; a body
 * already read by `express.raw()` or `express.text()` is used as is.
 */
export function nodeHandler(handler: SupportHandler): (req: NodeRequest, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    let response: Response;
    try {
      const request = toRequest(req);
      response = request instanceof Response ? request : await handler(request);
    } catch {
      // Only reachable on a request Node accepted but `Request` refuses (an invalid Host header, say).
      response = problemResponse("invalid_input", "the request could not be read", `req_${randomUUID()}`);
    }
    res.statusCode = response.status;
    response.headers.forEach((value, key) => {
      res.setHeader(key, value);
    });
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

function toRequest(req: NodeRequest): Request | Response {
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  const init: RequestInit & { duplex?: "half" } = { method: req.method ?? "GET", headers: toHeaders(req.headers) };
  if (init.method === "GET" || init.method === "HEAD") return new Request(url, init);
  if (Buffer.isBuffer(req.body) || typeof req.body === "string") {
    init.body = typeof req.body === "string" ? req.body : new Uint8Array(req.body);
  } else if (req.body !== undefined && req.readableEnded) {
    // A setup mistake in the app, so the message names the fix.
    return problemResponse(
      "internal",
      "the request body was already parsed; mount the support handler before JSON body parsers",
      `req_${randomUUID()}`,
    );
  } else {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = "half";
  }
  return new Request(url, init);
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}
