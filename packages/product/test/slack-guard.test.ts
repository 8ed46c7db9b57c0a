import type { SlackConnection } from "@support/core";
import { createOutbound, OutboundNetworks } from "@support/outbound";
import { type Listener, listen } from "@support/outbound/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardedSlackApi } from "../src/slack-guard.js";

/** Issue 14, High 2: the Slack API URL a tenant sets is checked like every other outbound address. */
describe("the Slack API URL", () => {
  let fakeSlack: Listener;
  beforeAll(async () => {
    fakeSlack = await listen("127.0.0.1", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, channel: "C1", ts: "1.2" }));
    });
  });
  afterAll(() => fakeSlack.close());

  const connection = (apiUrl: string) => ({ botToken: "xoxb-test", apiUrl, channelId: "C1" }) as SlackConnection;

  it("refuses an internal or metadata address before the SDK is called, and allows what the operator allows", async () => {
    const strict = guardedSlackApi(createOutbound({ networks: OutboundNetworks.parse("") }));
    const post = (api: ReturnType<typeof strict>) => api.postMessage({ channel: "C1", text: "hi" });
    await expect(post(strict(connection(`${fakeSlack.url}/api`)))).rejects.toThrow(/private or reserved address/);
    const all = guardedSlackApi(createOutbound({ networks: OutboundNetworks.parse("0.0.0.0/0") }));
    await expect(post(all(connection("http://169.254.169.254/api")))).rejects.toThrow(/cloud metadata/);
    await expect(post(strict(connection("file:///etc/passwd")))).rejects.toThrow(/must be http/);
    expect(fakeSlack.hits).toEqual([]);

    const allowed = guardedSlackApi(createOutbound({ networks: OutboundNetworks.parse("127.0.0.0/8") }));
    expect(await post(allowed(connection(`${fakeSlack.url}/api`)))).toEqual({ channel: "C1", ts: "1.2" });
    expect(fakeSlack.hits).toEqual(["POST /api/chat.postMessage"]);
  });
});
