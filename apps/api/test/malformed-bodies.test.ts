/**
 * Bodies that do not match their declared type, malformed URLs and malformed signed payloads
 * answer 4xx (problem+json on our own routes) without a stack, never 500 (issue 14, Low).
 */
import { createHmac } from "node:crypto";
import { once } from "node:events";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { signStripeEvent } from "@support/payments/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonCall, openTestProduct, type TestProduct } from "./harness.js";

let p: TestProduct;
beforeAll(async () => {
  p = await openTestProduct({});
});
afterAll(async () => p.runtime.database.close());

describe("malformed bodies", () => {
  it.each([
    ["multipart without a boundary", "multipart/form-data"],
    ["multipart that is not multipart", "multipart/form-data; boundary=x"],
    ["torn url-encoded form", "application/x-www-form-urlencoded; charset=nope"],
  ])("answers 400 to the public form for %s", async (_name, type) => {
    const res = await p.api.request(`/public/${p.appId}/messages`, {
      method: "POST",
      headers: { "content-type": type },
      body: "garbage",
    });
    expect(res.status).toBeLessThan(500);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.text()).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe("malformed URLs", () => {
  it("answers 400 problem+json to a path that is not valid percent-encoding", async () => {
    for (const path of ["/%", "/api/v1/drafts/%E0%A4%A", "/webhooks/generic/%zz"]) {
      const res = await p.api.request(path, { headers: { authorization: `Bearer ${p.ownerKey}` } });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await res.text()).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it("answers 400 over a real connection too, where the raw path reaches the server unchanged", async () => {
    const server = serve({ fetch: p.api.fetch, hostname: "127.0.0.1", port: 0 });
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/%", method: "GET" }, (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      req.end();
    });
    server.close();
    expect(status).toBe(400);
    expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe("malformed signed payloads", () => {
  const STRIPE_SECRET = "whsec_malformed_payloads";
  const SLACK_SECRET = "malformed-slack-signing";
  let stripe: TestProduct;
  beforeAll(async () => {
    stripe = await openTestProduct({
      STRIPE_SECRET_KEY: "sk_test_platform",
      STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
      STRIPE_CLIENT_ID: "ca_platform",
    });
    const slack = await jsonCall(stripe, "/api/v1/slack", {
      method: "PUT",
      body: {
        botToken: "xoxb-malformed",
        signingSecret: SLACK_SECRET,
        channelId: "C0MALFORMED",
        apiUrl: "http://127.0.0.1:9",
      },
    });
    expect(slack.status).toBe(200);
  });
  afterAll(async () => stripe.runtime.database.close());

  const expectRefusal = async (res: Response, problemJson = true) => {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (problemJson) expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.text()).not.toMatch(/at .*\.(ts|js):\d+/);
  };

  it.each([
    ["a body that is not JSON", "{not json"],
    [
      "a dispute without its object",
      JSON.stringify({ id: "evt_m1", type: "charge.dispute.created", account: "acct_1", data: {} }),
    ],
  ])("a correctly signed Stripe event with %s answers 4xx", async (_name, payload) => {
    const res = await stripe.api.request("/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signStripeEvent(payload, STRIPE_SECRET) },
      body: payload,
    });
    // 400, not 401: the signature verified, the body is what is wrong.
    expect(res.status).toBe(400);
    await expectRefusal(res);
  });

  const slackHeaders = (body: string) => {
    const ts = Math.floor(Date.now() / 1000);
    const signature = createHmac("sha256", SLACK_SECRET).update(`v0:${ts}:${body}`).digest("hex");
    return { "x-slack-request-timestamp": String(ts), "x-slack-signature": `v0=${signature}` };
  };
  it.each([
    ["/slack/events", "application/json", "{not json"],
    ["/slack/interactions", "application/x-www-form-urlencoded", "payload=%7Bnot%20json"],
  ])("a correctly signed Slack request to %s (%s) that does not parse answers 4xx: %s", async (path, type, body) => {
    const res = await stripe.api.request(path, {
      method: "POST",
      headers: { "content-type": type, ...slackHeaders(body) },
      body,
    });
    // Slack's routes answer in Slack's format (ADR 0060), not problem+json.
    await expectRefusal(res, false);
  });

  it.each([
    ["/slack/events", "application/json", "[1,2]"],
    ["/slack/interactions", "application/x-www-form-urlencoded", "nopayload=1"],
    [
      "/slack/interactions",
      "application/x-www-form-urlencoded",
      `payload=${encodeURIComponent('{"type":"block_actions"}')}`,
    ],
  ])(
    "a correctly signed Slack request to %s (%s) that means nothing is acknowledged and changes nothing: %s",
    async (path, type, body) => {
      const before = await jsonCall(stripe, "/api/v1/audit");
      const res = await stripe.api.request(path, {
        method: "POST",
        headers: { "content-type": type, ...slackHeaders(body) },
        body,
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("");
      expect(await (await jsonCall(stripe, "/api/v1/audit")).json()).toEqual(await before.json());
    },
  );
});
