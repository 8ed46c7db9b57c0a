import { randomBytes } from "node:crypto";
import { configureSlack, initProduct, OPERATOR } from "@support/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall } from "./harness.js";
import {
  BOT_TOKEN,
  CHANNEL,
  openSlackFixture,
  SLACK_TEST_TIMEOUT,
  type SlackFixture,
  slackHeaders,
} from "./slack-fixture.js";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] slack connection on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(
    `Slack connection on ${dialect.name}`,
    { timeout: SLACK_TEST_TIMEOUT },
    () => {
      let f: SlackFixture;
      beforeAll(async () => {
        f = await openSlackFixture(dialect.env, { connect: false });
      }, SLACK_TEST_TIMEOUT);
      afterAll(async () => {
        await f.close();
      });

      it("without Slack configured, answers 401 and the pipeline works without it", async () => {
        const body = JSON.stringify({ type: "url_verification", challenge: "abc" });
        const res = await f.post("/slack/events", body, {
          "content-type": "application/json",
          ...slackHeaders(body, f.signingSecret),
        });
        expect(res.status).toBe(401);
        const view = await (await jsonCall(f.p, "/api/v1/slack")).json();
        expect(view).toMatchObject({ configured: false, secretsSet: [] });
      });

      it("stores the configuration with write-only secrets (one Slack app may serve two organizations)", async () => {
        // Another organization connected first with the same Slack app: requests must still reach
        // the organization that owns the draft.
        const other = await initProduct(f.p.runtime.platform, {
          name: `Other ${randomBytes(3).toString("hex")}`,
          org: `Other org ${randomBytes(3).toString("hex")}`,
        });
        await configureSlack(f.p.runtime.contextFor(other.organization.id, OPERATOR), {
          botToken: "xoxb-other-org",
          signingSecret: f.signingSecret,
          channelId: "C0OTHER",
          apiUrl: f.slack.url,
        });
        const missing = await jsonCall(f.p, "/api/v1/slack", { method: "PUT", body: { channelId: CHANNEL } });
        expect(missing.status).toBe(400);
        const res = await f.connect();
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(text).not.toContain(BOT_TOKEN);
        expect(text).not.toContain(f.signingSecret);
        expect(JSON.parse(text)).toMatchObject({ configured: true, channelId: CHANNEL, apiUrl: f.slack.url });
      });

      it("answers the url_verification challenge and refuses bad or stale signatures", async () => {
        const body = JSON.stringify({
          token: "t",
          challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
          type: "url_verification",
        });
        const json = { "content-type": "application/json" };
        const ok = await f.post("/slack/events", body, { ...json, ...slackHeaders(body, f.signingSecret) });
        expect(ok.status).toBe(200);
        expect(await ok.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
        const counters = f.p.runtime.counters;
        const rejectedBefore = counters.get("slack_rejected_total", { reason: "bad_signature" });
        const forged = await f.post("/slack/events", body, {
          ...json,
          ...slackHeaders(body, "not-the-signing-secret"),
        });
        expect(forged.status).toBe(401);
        const stale = await f.post("/slack/events", body, {
          ...json,
          ...slackHeaders(body, f.signingSecret, Math.floor(Date.now() / 1000) - 600),
        });
        expect(stale.status).toBe(401);
        const unsigned = await f.post("/slack/interactions", "payload=%7B%7D", {
          "content-type": "application/x-www-form-urlencoded",
        });
        expect(unsigned.status).toBe(401);
        expect(counters.get("slack_rejected_total", { reason: "bad_signature" })).toBe(rejectedBefore + 1);
      });
    },
  );
}
