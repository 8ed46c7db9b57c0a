import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createInngestClient, createInngestServeApp, loadFunctions } from "@support/engine";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/service/ports.js";
import { ORG_CONCURRENCY_LIMIT } from "../../src/workflows/concurrency.js";
import { workflowFunctions } from "../../src/workflows/index.js";

const logger = pino({ level: "silent" });
/** Syncing never runs a function, so the platform is never touched. */
const unused = new Proxy({} as Platform, {
  get() {
    throw new Error("syncing never runs a function");
  },
});
const conversationRules = [
  { key: "event.data.conversationId", limit: 1, scope: "env" },
  { key: "event.data.orgId", limit: ORG_CONCURRENCY_LIMIT, scope: "env" },
];
const limited = ["draft-on-message", "record-teammate-reply", "send-on-approval", "learn-on-reply"];

/** A fake of Inngest's registration endpoint on 127.0.0.1: keeps what the SDK registers. */
const registrations: { functions: { id: string; concurrency?: unknown }[] }[] = [];
const inngestApi = createServer(async (request: IncomingMessage, response) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  if (request.method === "POST" && request.url?.startsWith("/fn/register")) registrations.push(JSON.parse(body));
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ ok: true, modified: true }));
});
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => inngestApi.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(inngestApi.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => inngestApi.close(() => resolve())));

describe("concurrency of the workflow functions about a conversation", () => {
  it("Inngest Cloud receives both rules of each such function when the app syncs", async () => {
    const inngest = createInngestClient(
      { mode: "cloud", eventKey: "test-event-key", signingKey: "signkey-test-0123456789abcdef", baseUrl },
      { appId: "support", logger },
    );
    const app = createInngestServeApp(inngest, workflowFunctions(unused)(inngest));
    const sync = await app.fetch(new Request("http://127.0.0.1:3000/api/inngest", { method: "PUT" }));
    expect(sync.status).toBe(200);
    const registered = new Map(registrations.at(-1)?.functions.map((fn) => [fn.id, fn.concurrency]));
    for (const id of limited) expect(registered.get(`support-${id}`)).toEqual(conversationRules);
    expect(registered.has("support-sweep")).toBe(true);
    expect(registered.get("support-sweep")).toBeUndefined();
  });

  it("the embedded engine loads the same rules from its in-band sync", async () => {
    const inngest = createInngestClient({ mode: "embedded" }, { appId: "support", logger });
    const app = createInngestServeApp(inngest, workflowFunctions(unused)(inngest));
    const functions = await loadFunctions(async (request) => app.fetch(request), "http://embedded.invalid");
    for (const id of limited) expect(functions.get(`support-${id}`)?.concurrency).toEqual(conversationRules);
    expect(functions.get("support-sweep")?.concurrency).toEqual([]);
  });
});
