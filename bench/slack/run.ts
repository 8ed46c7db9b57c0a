import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApi } from "@support/api";
import { addTextSource, changeApp, configureSlack, initProduct, OPERATOR, processSource } from "@support/core";
import { loadConfig, openProduct } from "@support/product";
import { signPayload } from "@support/sdk/signing";
import { startFakeSlack } from "@support/slack/testing";
import pino from "pino";

/**
 * bench/slack: N drafts waiting in Slack, each approved with a signed `block_actions` click, on
 * the embedded product (SQLite) with a fake Slack Web API on 127.0.0.1. Prints how long Slack
 * waits for the 200 (the decision is stored by then) and how long until `chat.update` lands.
 *   pnpm --filter @support/bench-slack bench [--drafts 50]
 */
const { values } = parseArgs({ options: { drafts: { type: "string", default: "50" } } });
const total = Number(values.drafts);
const token = "xoxb-bench";
const secret = "bench-signing-secret";

const runtime = await openProduct(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-bench-slack-")) }));
const init = await initProduct(runtime.platform, { name: "Bench" });
const slack = await startFakeSlack(token);
await configureSlack(runtime.contextFor(init.organization.id, OPERATOR), {
  botToken: token,
  signingSecret: secret,
  channelId: "C0BENCH",
  apiUrl: slack.url,
});
const api = createApi(runtime, pino({ level: "silent" }));
await changeApp(runtime.contextFor(init.organization.id, OPERATOR), init.app.id, { settings: { debounceSeconds: 0 } });
const operator = runtime.contextFor(init.organization.id, OPERATOR);
const source = await addTextSource(operator, {
  app: init.app.id,
  title: "Passwords",
  body: "# Passwords\n\nTo reset your password, click Forgot password on the sign-in page.\n",
});
await processSource(operator, source.id);
await runtime.start();

const until = async (probe: () => boolean) => {
  while (!probe()) await new Promise((r) => setTimeout(r, 2));
};
for (let i = 0; i < total; i++) {
  const raw = JSON.stringify({
    type: "message.received",
    id: `bench-${i}`,
    customer: { email: `c${i}@example.com` },
    message: { text: "How do I reset my password?" },
  });
  await api.request(`/webhooks/generic/${init.app.id}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-support-signature": signPayload(raw, [init.signingSecret ?? ""]),
    },
    body: raw,
  });
}
await until(() => slack.callsTo("chat.postMessage").length >= total);

const ack: number[] = [];
const updated: number[] = [];
for (const card of slack.callsTo("chat.postMessage")) {
  const draftId = /"value":"(drf_[0-9A-Z]+)"/.exec(JSON.stringify(card.args.blocks))?.[1] ?? "";
  const payload = {
    type: "block_actions",
    team: { id: "T0" },
    user: { id: "U0", username: "bench" },
    channel: { id: "C0BENCH" },
    actions: [{ action_id: "draft_approve", value: draftId }],
  };
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const ts = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  const started = performance.now();
  const res = await api.request("/slack/interactions", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": `v0=${signature}`,
    },
    body,
  });
  if (res.status !== 200) throw new Error(`click answered ${res.status}`);
  ack.push(performance.now() - started);
  await until(() => slack.callsTo("chat.update").some((u) => JSON.stringify(u.args.blocks).includes(draftId)));
  updated.push(performance.now() - started);
}

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
};
console.log(`Slack approve clicks: ${total} drafts, embedded SQLite, fake Slack Web API on 127.0.0.1`);
console.log(`  click → 200 (decision stored):  p50 ${pct(ack, 50)} ms  p95 ${pct(ack, 95)} ms`);
console.log(`  click → chat.update received:   p50 ${pct(updated, 50)} ms  p95 ${pct(updated, 95)} ms`);
await runtime.stop();
await runtime.database.close();
await slack.close();
