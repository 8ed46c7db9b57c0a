import { createHmac, randomBytes } from "node:crypto";
import { addTextSource, OPERATOR, processSource } from "@support/core";
import { signPayload } from "@support/sdk/signing";
import { type SlackCall, startFakeSlack } from "@support/slack/testing";
import { expect } from "vitest";
import { jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/**
 * What the Slack suites share: a product with the pipeline and a help article, a fake Slack API
 * speaking Slack's wire format, requests signed the way Slack signs them, and the payloads Slack
 * posts for button clicks and modal submissions.
 */
export const BOT_TOKEN = "xoxb-test-bot-token";
export const CHANNEL = "C0APPROVALS";

const helpArticle = {
  title: "Resetting your password",
  body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password. We email you a reset link that works for one hour.\n",
};

/** Generous: the machines that run the suite may be loaded, and the pipeline runs in the background. */
export const SLACK_TEST_TIMEOUT = 120_000;

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 2400; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Slack v0 signing, as Slack computes it: HMAC-SHA256 of "v0:<ts>:<raw body>". */
export function slackHeaders(body: string, secret: string, ts = Math.floor(Date.now() / 1000)) {
  const signature = createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(ts), "x-slack-signature": `v0=${signature}` };
}

const user = (name: string) => ({ id: `U${name.toUpperCase()}`, username: name, name, team_id: "T0ACME" });

export function blockAction(actionId: string, draftId: string, who: string, cardTs: string) {
  return {
    type: "block_actions",
    team: { id: "T0ACME", domain: "acme" },
    user: user(who),
    api_app_id: "A0SUPPORT",
    token: "legacy-verification-token",
    trigger_id: `trigger-${who}-${actionId}`,
    channel: { id: CHANNEL, name: "approvals" },
    container: { type: "message", message_ts: cardTs, channel_id: CHANNEL },
    message: { ts: cardTs, type: "message" },
    response_url: "http://127.0.0.1:9/unused",
    actions: [
      { type: "button", action_id: actionId, block_id: `draft:${draftId}`, value: draftId, action_ts: "1700000001.1" },
    ],
  };
}

export function viewSubmission(callbackId: string, draftId: string, who: string, block: string, value: string) {
  return {
    type: "view_submission",
    team: { id: "T0ACME", domain: "acme" },
    user: user(who),
    api_app_id: "A0SUPPORT",
    token: "legacy-verification-token",
    trigger_id: `trigger-${who}-submit`,
    view: {
      id: "V0EDIT",
      type: "modal",
      callback_id: callbackId,
      private_metadata: draftId,
      state: { values: { [block]: { text: { type: "plain_text_input", value } } } },
    },
  };
}

export const cardText = (call: SlackCall) => JSON.stringify(call.args.blocks ?? []);

export type SlackFixture = Awaited<ReturnType<typeof openSlackFixture>>;

/**
 * Opens the product and the fake Slack. `connect` stores the Slack configuration through the API
 * (the connection suite leaves it off to test the unconfigured answers and the configuration itself).
 */
export async function openSlackFixture(env: Record<string, string>, options: { connect: boolean }) {
  const p: TestProduct = await openTestProduct(env, "Acme", { pipeline: true });
  const slack = await startFakeSlack(BOT_TOKEN);
  /** Unique per run: MySQL runs share a database, and the receiver tries every organization's secret. */
  const signingSecret = `signing-${randomBytes(12).toString("hex")}`;
  const operator = p.runtime.contextFor(p.orgId, OPERATOR);
  await processSource(operator, (await addTextSource(operator, { app: p.appId, ...helpArticle })).id);
  const connect = () =>
    jsonCall(p, "/api/v1/slack", {
      method: "PUT",
      body: { botToken: BOT_TOKEN, signingSecret, channelId: CHANNEL, apiUrl: slack.url },
    });
  if (options.connect) expect((await connect()).status).toBe(200);

  const post = (path: string, body: string, headers: Record<string, string>) =>
    p.api.request(path, { method: "POST", headers, body });
  const interact = (payload: unknown, extra: Record<string, string> = {}) => {
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return post("/slack/interactions", body, {
      "content-type": "application/x-www-form-urlencoded",
      ...slackHeaders(body, signingSecret),
      ...extra,
    });
  };
  let customers = 0;
  /** A customer asks through the signed generic webhook; resolves with the draft and its card. */
  const askAndGetCard = async () => {
    const id = `slack-${++customers}`;
    const name = `Customer ${customers}`;
    const raw = JSON.stringify({
      type: "message.received",
      id,
      customer: { email: `${id}@example.com`, name },
      message: { text: "Hi, how do I reset my password? I forgot it." },
    });
    const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
      body: raw,
    });
    expect(res.status).toBe(200);
    const card = await waitFor(
      () => slack.callsTo("chat.postMessage").find((c) => cardText(c).includes(name)),
      "the approval card",
    );
    const draftId = /"value":"(drf_[0-9A-Z]+)"/.exec(cardText(card))?.[1] ?? "";
    return { draftId, ts: String(card.response?.ts), card, name };
  };
  const updatesFor = (draftId: string) => slack.callsTo("chat.update").filter((c) => cardText(c).includes(draftId));
  const draft = async (id: string) => (await jsonCall(p, `/api/v1/drafts/${id}`)).json();
  const audits = async (draftId: string, action: string) => {
    const page = await (await jsonCall(p, "/api/v1/audit?limit=100")).json();
    return page.data.filter((a: { subject: string; action: string }) => a.subject === draftId && a.action === action);
  };
  const close = async () => {
    await p.runtime.stop();
    await p.runtime.database.close();
    await slack.close();
  };
  return {
    p,
    slack,
    signingSecret,
    connect,
    post,
    interact,
    askAndGetCard,
    updatesFor,
    draft,
    audits,
    close,
    customers: () => customers,
  };
}
