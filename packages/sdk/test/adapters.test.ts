import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import {
  callProductApp,
  createSupportHandler,
  honoHandler,
  nextRouteHandler,
  nodeHandler,
  ProductAppError,
  type SupportHandler,
  signPayload,
} from "../src/index.js";
import { listenFetch, sampleIntegration } from "./servers.js";

const SECRET = "whsec_adapters";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function listenNode(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function listenFetchHandler(fetch: (request: Request) => Promise<Response>): Promise<string> {
  const server = await listenFetch(fetch);
  closers.push(server.close);
  return server.url;
}

const adapters: [string, (handler: SupportHandler) => Promise<string>][] = [
  [
    "Hono",
    (handler) => {
      const app = new Hono();
      app.post("/support", honoHandler(handler));
      return listenFetchHandler(async (request) => app.fetch(request));
    },
  ],
  ["Next.js route handler", (handler) => listenFetchHandler(nextRouteHandler(handler).POST)],
  ["Node http", (handler) => listenNode(createServer(nodeHandler(handler)))],
  [
    "Express",
    (handler) => {
      const app = express();
      app.post("/support", nodeHandler(handler));
      return listenNode(createServer(app));
    },
  ],
  [
    "Express after express.raw()",
    (handler) => {
      const app = express();
      app.post("/support", express.raw({ type: "*/*" }), nodeHandler(handler));
      return listenNode(createServer(app));
    },
  ],
];

describe.each(adapters)("the %s adapter on 127.0.0.1", (_name, listen) => {
  async function start() {
    const sample = sampleIntegration();
    const handler = createSupportHandler({ integration: sample.integration, secrets: [SECRET] });
    return { url: `${await listen(handler)}/support`, calls: sample.calls };
  }

  it("serves signed calls made by callProductApp", async () => {
    const { url, calls } = await start();
    const user = await callProductApp({
      url,
      secret: SECRET,
      action: "lookupUser",
      input: { email: "ada@example.com" },
    });
    expect(user).toMatchObject({ id: "u_1", name: "Ada" });
    const purchases = await callProductApp({ url, secret: SECRET, action: "getPurchases", input: { userId: "u_1" } });
    expect(purchases).toEqual([expect.objectContaining({ id: "p_1", currency: "EUR", amount: 4900 })]);
    expect(calls.map((c) => c.action)).toEqual(["lookupUser", "getPurchases"]);
    const missing = await callProductApp({
      url,
      secret: SECRET,
      action: "generateMagicLink",
      input: { email: "ada@example.com" },
    }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ProductAppError);
    expect(missing).toMatchObject({ kind: "http", details: { status: 501, code: "not_implemented" } });
  });

  it("rejects a wrong secret and a replay with 401 problem+json", async () => {
    const { url, calls } = await start();
    const body = JSON.stringify({ action: "lookupUser", input: { email: "ada@example.com" } });
    const send = (secret: string, header = signPayload(body, [secret])) =>
      fetch(url, { method: "POST", headers: { "x-support-signature": header }, body });
    const wrong = await send("not-the-secret");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("content-type")).toBe("application/problem+json");
    const header = signPayload(body, [SECRET]);
    expect((await send(SECRET, header)).status).toBe(200);
    expect((await send(SECRET, header)).status).toBe(401);
    expect(calls).toHaveLength(1);
  });
});

describe("the Node adapter behind a JSON body parser", () => {
  it("explains that the raw body is gone instead of failing the signature silently", async () => {
    const app = express();
    app.use(express.json());
    app.post(
      "/support",
      nodeHandler(createSupportHandler({ integration: sampleIntegration().integration, secrets: [SECRET] })),
    );
    const url = await listenNode(createServer(app));
    const error = await callProductApp({ url: `${url}/support`, secret: SECRET, action: "describe", input: {} }).catch(
      (e: unknown) => e as ProductAppError,
    );
    expect(error).toMatchObject({ kind: "http", details: { status: 500 } });
    expect((error as Error).message).toContain("before JSON body parsers");
  });
});
