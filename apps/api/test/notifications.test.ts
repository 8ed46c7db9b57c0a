import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  addTextSource,
  deliverNotification,
  listWorkflowRuns,
  OPERATOR,
  postDailySummaryOnce,
  processSource,
  sweepDrafts,
  WORKFLOW,
} from "@support/core";
import { fireCron } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { type SlackCall, startFakeSlack } from "@support/slack/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const BOT_TOKEN = "xoxb-notify-bot-token";
const CHANNEL = "C0APPROVALS";
const SUMMARY_CHANNEL = "C0SUMMARY";
const HOUR = 3_600_000;

const helpArticle = {
  title: "Resetting your password",
  body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password. We email you a reset link that works for one hour.\n",
};

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Attention {
  id: string;
  kind: string;
  draftId: string | null;
  conversationId: string | null;
  reason: string;
  postedToSlack: boolean;
}

const blocksOf = (call: SlackCall) => JSON.stringify(call.args.blocks ?? []);

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] notifications on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`notifications on ${dialect.name}`, () => {
    let p: TestProduct;
    let slack: Awaited<ReturnType<typeof startFakeSlack>>;
    let refusingChannel: Server;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Notify", { pipeline: true });
      slack = await startFakeSlack(BOT_TOKEN);
      // A product app that refuses every reply for good (4xx: no retry will help).
      refusingChannel = createServer((_req, res) => {
        res.writeHead(422, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "unknown conversation" }));
      });
      await new Promise<void>((resolve) => refusingChannel.listen(0, "127.0.0.1", resolve));
      const operator = p.runtime.contextFor(p.orgId, OPERATOR);
      await processSource(operator, (await addTextSource(operator, { app: p.appId, ...helpArticle })).id);
    });
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
      await slack.close();
      refusingChannel.close();
    });

    let customers = 0;
    /** A customer writes through the signed generic webhook; resolves with the draft once it is stored. */
    const ask = async (text: string, status: string) => {
      const id = `notify-${++customers}`;
      const raw = JSON.stringify({
        type: "message.received",
        id,
        customer: { email: `${id}@example.com`, name: `Customer ${customers}` },
        message: { text },
      });
      const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
      const email = `${id}@example.com`;
      return waitFor(async () => {
        const list = await (await jsonCall(p, `/api/v1/drafts?status=${status}`)).json();
        for (const draft of list.data as { id: string; conversationId: string }[]) {
          const conversation = await (await jsonCall(p, `/api/v1/conversations/${draft.conversationId}`)).json();
          if (JSON.stringify(conversation).includes(email)) return draft;
        }
        return undefined;
      }, `the ${status} draft of ${id}`);
    };
    const cardOf = (draftId: string) =>
      waitFor(
        () => slack.callsTo("chat.postMessage").find((c) => blocksOf(c).includes(draftId) && !c.args.thread_ts),
        "the approval card",
      );
    const attention = async (): Promise<Attention[]> =>
      (await (await jsonCall(p, "/api/v1/notifications")).json()).data;
    const posts = (match: (call: SlackCall) => boolean) => slack.callsTo("chat.postMessage").filter(match);
    const failedRuns = async () => (await (await jsonCall(p, "/api/v1/runs?status=failed")).json()).data;
    const sweep = async (hoursAhead: number) => {
      const report = await sweepDrafts(p.runtime.platform, {
        now: new Date(Date.now() + hoursAhead * HOUR),
        retentionDays: 90,
      });
      p.runtime.relay.notify();
      return report;
    };

    it("without Slack, an escalation reaches the dashboard live, and nothing fails", async () => {
      const stream = await jsonCall(p, "/api/v1/events");
      const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
      const draft = await ask("I want to talk to a human, please.", "escalated");
      const notice = await waitFor(
        async () => (await attention()).find((n) => n.draftId === draft.id),
        "the escalation in the dashboard",
      );
      expect(notice).toMatchObject({ kind: "escalation", conversationId: draft.conversationId, postedToSlack: false });
      expect(notice.reason).toContain("the customer asked for a person");
      let seen = "";
      while (!seen.includes(notice.id)) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += new TextDecoder().decode(value);
      }
      await reader.cancel();
      expect(seen).toContain("event: notification.created");
      expect(seen).toContain(notice.id);
      expect(slack.calls).toHaveLength(0);
      expect(await failedRuns()).toEqual([]);
    });

    it("stores a summary channel with the Slack configuration", async () => {
      const bad = await jsonCall(p, "/api/v1/slack", {
        method: "PUT",
        body: {
          botToken: BOT_TOKEN,
          signingSecret: "notify-signing-secret",
          channelId: CHANNEL,
          summaryChannelId: "x",
        },
      });
      expect(bad.status).toBe(400);
      const res = await jsonCall(p, "/api/v1/slack", {
        method: "PUT",
        body: {
          botToken: BOT_TOKEN,
          signingSecret: "notify-signing-secret",
          channelId: CHANNEL,
          summaryChannelId: SUMMARY_CHANNEL,
          apiUrl: slack.url,
        },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ channelId: CHANNEL, summaryChannelId: SUMMARY_CHANNEL });
      // Reconfiguring without the field keeps it.
      const kept = await jsonCall(p, "/api/v1/slack", { method: "PUT", body: { channelId: CHANNEL } });
      expect((await kept.json()).summaryChannelId).toBe(SUMMARY_CHANNEL);
    });

    it("a draft past its SLA gets exactly one reminder, in the card's thread, even when a step is retried", async () => {
      const draft = await ask("Hi, how do I reset my password? I forgot it.", "pending_approval");
      const card = await cardOf(draft.id);
      const inThread = () => posts((c) => c.args.thread_ts === card.response?.ts);
      expect((await sweep(5)).reminded).toBeGreaterThanOrEqual(1);
      expect((await sweep(5)).reminded).toBe(0);
      const reminder = await waitFor(
        async () => (await attention()).find((n) => n.draftId === draft.id && n.postedToSlack),
        "the posted reminder",
      );
      expect(reminder.kind).toBe("approval_reminder");
      expect(inThread()).toHaveLength(1);
      expect(inThread()[0]?.args).toMatchObject({ channel: CHANNEL });
      expect(String(inThread()[0]?.args.text)).toContain("Still waiting for approval");
      // A retried delivery step finds the recorded message and posts nothing.
      const again = await deliverNotification(p.runtime.contextFor(p.orgId, WORKFLOW), reminder.id);
      expect(again).toMatchObject({ postedNow: false, slackTs: inThread()[0]?.response?.ts });
      expect(inThread()).toHaveLength(1);

      // Twice the SLA: escalated, said once in the channel, and the reminder leaves the list.
      expect((await sweep(9)).escalated).toBeGreaterThanOrEqual(1);
      const escalation = await waitFor(
        () =>
          posts((c) => String(c.args.text).includes(`/conversations/${draft.conversationId}`)).find(
            (c) => !c.args.thread_ts,
          ),
        "the escalation message",
      );
      expect(escalation.args.channel).toBe(CHANNEL);
      expect(String(escalation.args.text)).toContain("waited more than 8 hours for approval");
      const list = await waitFor(async () => {
        const all = await attention();
        return all.some((n) => n.draftId === draft.id && n.kind === "escalation" && n.postedToSlack) ? all : undefined;
      }, "the escalation in the dashboard");
      expect(list.filter((n) => n.draftId === draft.id).map((n) => n.kind)).toEqual(["escalation"]);
      expect(posts((c) => String(c.args.text).includes(`/conversations/${draft.conversationId}`))).toHaveLength(1);
    });

    it("a teammate's escalation from the dashboard is posted in the channel", async () => {
      const draft = await ask("How do I reset my password? The link expired.", "pending_approval");
      await cardOf(draft.id);
      const res = await jsonCall(p, `/api/v1/drafts/${draft.id}/escalate`, { method: "POST" });
      expect(res.status).toBe(200);
      const message = await waitFor(
        () => posts((c) => String(c.args.text).includes(`/conversations/${draft.conversationId}`))[0],
        "the escalation message",
      );
      expect(String(message.args.text)).toContain("escalated by a teammate");
    });

    it("a reply the channel refuses for good is told once, in Slack and in the dashboard, until dismissed", async () => {
      const { port } = refusingChannel.address() as AddressInfo;
      await jsonCall(p, `/api/v1/apps/${p.appId}/channels/generic`, {
        method: "PUT",
        body: { settings: { callbackUrl: `http://127.0.0.1:${port}/support/replies` } },
      });
      const draft = await ask("Please tell me how to reset my password.", "pending_approval");
      await cardOf(draft.id);
      const approved = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: {} });
      expect(approved.status).toBe(200);
      const told = await waitFor(
        () => posts((c) => String(c.args.text).includes(`/drafts/${draft.id}|Open the draft`))[0],
        "the failed-send message",
      );
      expect(told.args.channel).toBe(CHANNEL);
      expect(String(told.args.text)).toContain("422");
      const notice = await waitFor(
        async () => (await attention()).find((n) => n.draftId === draft.id && n.postedToSlack),
        "the failed send in the dashboard",
      );
      expect(notice.kind).toBe("reply_failed");
      expect((await (await jsonCall(p, `/api/v1/drafts/${draft.id}`)).json()).status).toBe("failed");
      expect(posts((c) => String(c.args.text).includes(`/drafts/${draft.id}|Open the draft`))).toHaveLength(1);

      const dismiss = () => jsonCall(p, `/api/v1/notifications/${notice.id}/dismiss`, { method: "POST" });
      expect((await dismiss()).status).toBe(204);
      expect((await attention()).some((n) => n.id === notice.id)).toBe(false);
      const twice = await dismiss();
      expect(twice.status).toBe(409);
      expect(twice.headers.get("content-type")).toContain("application/problem+json");
      expect((await jsonCall(p, "/api/v1/notifications/ntf_missing/dismiss", { method: "POST" })).status).toBe(404);
      await jsonCall(p, `/api/v1/apps/${p.appId}/channels/generic`, {
        method: "PUT",
        body: { settings: { callbackUrl: null } },
      });
    });

    it("the daily summary cron posts once per organization and day, to the summary channel", async () => {
      // The cron fans out one run per organization; other organizations (other test files on a
      // shared database) get runs of their own, so this one waits for its organization's alone.
      const summaryRuns = async () =>
        (await listWorkflowRuns(p.runtime.contextFor(p.orgId, OPERATOR), { status: "completed", limit: 100 })).filter(
          (r) => r.functionId === "support-post-daily-summary",
        );
      const fire = async (at: Date, runsBefore: number) => {
        expect(await fireCron(p.runtime, "support-daily-summary", at)).toBe("0 8 * * *");
        await waitFor(
          async () => ((await summaryRuns()).length > runsBefore ? true : undefined),
          `this organization's summary run of ${at.toISOString()}`,
        );
      };
      const yesterday = new Date(Date.now() - 24 * HOUR);
      const day = yesterday.toISOString().slice(0, 10);
      // The scheduled run, then a second run on the same day (a replayed tick): one post.
      await fire(new Date(`${day}T08:00:00.000Z`), 0);
      await fire(new Date(`${day}T09:00:00.000Z`), 1);
      const summaries = posts((c) => String(c.args.text).startsWith("*Daily support summary*"));
      expect(summaries).toHaveLength(1);
      expect(summaries[0]?.args.channel).toBe(SUMMARY_CHANNEL);
      expect(String(summaries[0]?.args.text)).toContain("Customer messages (24 h):");
      // The service on its own keeps the same promise.
      expect(await postDailySummaryOnce(p.runtime.contextFor(p.orgId, WORKFLOW), day)).toMatchObject({
        postedNow: false,
      });
      expect(posts((c) => String(c.args.text).startsWith("*Daily support summary*"))).toHaveLength(1);
      expect(await failedRuns()).toEqual([]);
    });
  });
}
