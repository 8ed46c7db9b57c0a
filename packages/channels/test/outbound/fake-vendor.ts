import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A scripted answer; `hang` never answers, to exercise the client's timeout. */
export type Scripted = { status: number; headers?: Record<string, string>; json?: unknown } | "hang";

export interface FakeVendor {
  url: string;
  requests: ReceivedRequest[];
  /** Answers for the next requests, in order; once used up, `fallback` answers. */
  script(...answers: Scripted[]): void;
  close(): Promise<void>;
}

/**
 * A vendor API on 127.0.0.1. `fallback` plays the vendor's success path (and keeps whatever state
 * the test inspects, e.g. messages actually accepted); scripted answers inject failures first.
 */
export async function startFakeVendor(fallback: (req: ReceivedRequest) => Scripted): Promise<FakeVendor> {
  const requests: ReceivedRequest[] = [];
  const queue: Scripted[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(received);
      const answer = queue.shift() ?? fallback(received);
      if (answer !== "hang") respond(res, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...answers) => queue.push(...answers),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(res: ServerResponse, answer: Exclude<Scripted, "hang">) {
  const body = answer.json === undefined ? "" : JSON.stringify(answer.json);
  res.writeHead(answer.status, {
    ...(body ? { "content-type": "application/json" } : {}),
    ...answer.headers,
  });
  res.end(body);
}

/** Records the waits the retry policy asks for, without waiting. */
export function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

export const target = {
  orgId: "org_test",
  appId: "app_test",
  conversationId: "cnv_test",
  contact: { email: "ada@example.com", phone: "+261 34 12 345 67", name: "Ada Lovelace" },
  subject: "Where is my order?",
};
