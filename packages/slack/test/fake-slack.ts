import { createServer, type IncomingMessage } from "node:http";

export interface SlackCall {
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
  /** What the fake answered. */
  response?: Record<string, unknown>;
}

/** Form fields as @slack/web-api sends them: objects and arrays arrive JSON-encoded. */
function decodeArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A fake Slack Web API on 127.0.0.1: it records every call and answers in Slack's JSON shape
 * (`{ ok: true, channel, ts }` ...), refusing any token but the expected one like Slack does.
 */
export async function startFakeSlack(expectedToken: string) {
  const calls: SlackCall[] = [];
  let seq = 0;
  const server = createServer(async (req, res) => {
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    const args = decodeArgs(await readBody(req), req.headers["content-type"]);
    const token = req.headers.authorization?.replace(/^Bearer /, "");
    const call: SlackCall = { method, token, args };
    calls.push(call);
    const reply = (body: Record<string, unknown>) => {
      call.response = body;
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    if (token !== expectedToken) return reply({ ok: false, error: "invalid_auth" });
    seq++;
    const ts = `1700000000.${String(seq).padStart(6, "0")}`;
    switch (method) {
      case "chat.postMessage":
        return reply({ ok: true, channel: args.channel, ts, message: { text: args.text, ts } });
      case "chat.update":
        return reply({ ok: true, channel: args.channel, ts: args.ts, text: args.text });
      case "chat.postEphemeral":
        return reply({ ok: true, message_ts: ts });
      case "views.open":
        return reply({ ok: true, view: { id: `V${seq}` } });
      case "auth.test":
        return reply({
          ok: true,
          url: "https://fake.slack.com/",
          team: "Fake Team",
          user: "support-bot",
          team_id: "T0FAKE",
        });
      default:
        return reply({ ok: false, error: "unknown_method" });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api`,
    calls,
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
