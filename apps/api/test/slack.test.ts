import { createHmac, randomBytes } from "node:crypto";
import { addTextSource, configureSlack, initProduct, OPERATOR, processSource, WORKFLOW } from "@support/core";
import { setDraftActions } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { postApprovalReminder, postDailySummary, postEscalationMessage } from "@support/slack";
import { type SlackCall, startFakeSlack } from "@support/slack/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const BOT_TOKEN = "xoxb-test-bot-token";
/** Unique per run: MySQL runs share a database, and the receiver tries every organization's secret. */
const SIGNING_SECRET = `signing-${randomBytes(12).toString("hex")}`;
const CHANNEL = "C0APPROVALS";

const helpArticle = {
  title: "Resetting your password",
  body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password. We email you a reset link that works for one hour.\n",
};

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Slack v0 signing, as Slack computes it: HMAC-SHA256 of "v0:<ts>:<raw body>". */
function slackHeaders(body: string, secret = SIGNING_SECRET, ts = Math.floor(Date.now() / 1000)) {
  const signature = createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(ts), "x-slack-signature": `v0=${signature}` };
}

const user = (name: string) => ({ id: `U${name.toUpperCase()}`, username: name, name, team_id: "T0ACME" });

function blockAction(actionId: string, draftId: string, who: string, cardTs: string) {
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

function viewSubmission(callbackId: string, draftId: string, who: string, block: string, value: string) {
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

const cardText = (call: SlackCall) => JSON.stringify(call.args.blocks ?? []);

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] slack on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`Slack app on ${dialect.name}`, () => {
    let p: TestProduct;
    let slack: Awaited<ReturnType<typeof startFakeSlack>>;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Acme", { pipeline: true });
      slack = await startFakeSlack(BOT_TOKEN);
      const operator = p.runtime.contextFor(p.orgId, OPERATOR);
      await processSource(operator, (await addTextSource(operator, { app: p.appId, ...helpArticle })).id);
    });
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
      await slack.close();
    });

    const post = (path: string, body: string, headers: Record<string, string>) =>
      p.api.request(path, { method: "POST", headers, body });
    const interact = (payload: unknown, extra: Record<string, string> = {}) => {
      const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return post("/slack/interactions", body, {
        "content-type": "application/x-www-form-urlencoded",
        ...slackHeaders(body),
        ...extra,
      });
    };
    let customers = 0;
    /** A customer asks through the signed generic webhook; resolves with the draft and its card. */
    const askAndGetCard = async () => {
      const id = `slack-${++customers}`;
      const raw = JSON.stringify({
        type: "message.received",
        id,
        customer: { email: `${id}@example.com`, name: `Customer ${customers}` },
        message: { text: "Hi, how do I reset my password? I forgot it." },
      });
      const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
      const card = await waitFor(
        () => slack.callsTo("chat.postMessage").find((c) => cardText(c).includes(`Customer ${customers}`)),
        "the approval card",
      );
      const draftId = /"value":"(drf_[0-9A-Z]+)"/.exec(cardText(card))?.[1] ?? "";
      return { draftId, ts: String(card.response?.ts), card };
    };
    const updatesFor = (draftId: string) => slack.callsTo("chat.update").filter((c) => cardText(c).includes(draftId));
    const draft = async (id: string) => (await jsonCall(p, `/api/v1/drafts/${id}`)).json();
    const audits = async (draftId: string, action: string) => {
      const page = await (await jsonCall(p, "/api/v1/audit?limit=100")).json();
      return page.data.filter((a: { subject: string; action: string }) => a.subject === draftId && a.action === action);
    };

    it("without Slack configured, answers 401 and the pipeline works without it", async () => {
      const body = JSON.stringify({ type: "url_verification", challenge: "abc" });
      const res = await post("/slack/events", body, { "content-type": "application/json", ...slackHeaders(body) });
      expect(res.status).toBe(401);
      const view = await (await jsonCall(p, "/api/v1/slack")).json();
      expect(view).toMatchObject({ configured: false, secretsSet: [] });
    });

    it("stores the configuration with write-only secrets (one Slack app may serve two organizations)", async () => {
      // Another organization connected first with the same Slack app: requests must still reach
      // the organization that owns the draft.
      const other = await initProduct(p.runtime.platform, {
        name: `Other ${randomBytes(3).toString("hex")}`,
        org: `Other org ${randomBytes(3).toString("hex")}`,
      });
      await configureSlack(p.runtime.contextFor(other.organization.id, OPERATOR), {
        botToken: "xoxb-other-org",
        signingSecret: SIGNING_SECRET,
        channelId: "C0OTHER",
        apiUrl: slack.url,
      });
      const missing = await jsonCall(p, "/api/v1/slack", { method: "PUT", body: { channelId: CHANNEL } });
      expect(missing.status).toBe(400);
      const res = await jsonCall(p, "/api/v1/slack", {
        method: "PUT",
        body: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, channelId: CHANNEL, apiUrl: slack.url },
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toContain(BOT_TOKEN);
      expect(text).not.toContain(SIGNING_SECRET);
      expect(JSON.parse(text)).toMatchObject({ configured: true, channelId: CHANNEL, apiUrl: slack.url });
    });

    it("answers the url_verification challenge and refuses bad or stale signatures", async () => {
      const body = JSON.stringify({
        token: "t",
        challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        type: "url_verification",
      });
      const ok = await post("/slack/events", body, { "content-type": "application/json", ...slackHeaders(body) });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
      const rejectedBefore = p.runtime.counters.get("slack_rejected_total", { reason: "bad_signature" });
      const forged = await post("/slack/events", body, {
        "content-type": "application/json",
        ...slackHeaders(body, "not-the-signing-secret"),
      });
      expect(forged.status).toBe(401);
      const stale = await post("/slack/events", body, {
        "content-type": "application/json",
        ...slackHeaders(body, SIGNING_SECRET, Math.floor(Date.now() / 1000) - 600),
      });
      expect(stale.status).toBe(401);
      const unsigned = await post("/slack/interactions", "payload=%7B%7D", {
        "content-type": "application/x-www-form-urlencoded",
      });
      expect(unsigned.status).toBe(401);
      expect(p.runtime.counters.get("slack_rejected_total", { reason: "bad_signature" })).toBe(rejectedBefore + 1);
    });

    it("posts a card with everything a reviewer needs, and applies an Approve exactly once despite a double click and a retry", async () => {
      const { draftId, ts, card } = await askAndGetCard();
      expect(card.token).toBe(BOT_TOKEN);
      expect(card.args.channel).toBe(CHANNEL);
      const blocks = cardText(card);
      for (const expected of ["Customer 1", "Forgot password", "Resetting your password", "Trust:", "priority"])
        expect(blocks).toContain(expected);
      const actions = (card.args.blocks as { type: string; elements?: { action_id: string; url?: string }[] }[]).find(
        (b) => b.type === "actions",
      );
      expect(actions?.elements?.map((e) => e.action_id)).toEqual([
        "draft_approve",
        "draft_edit",
        "draft_reject",
        "draft_open",
        "conversation_reply",
      ]);
      expect(actions?.elements?.[3]?.url).toBe(`${p.runtime.config.publicUrl}/drafts/${draftId}`);

      const click = blockAction("draft_approve", draftId, "ada", ts);
      const [first, second] = await Promise.all([interact(click), interact(click)]);
      expect([first.status, second.status]).toEqual([200, 200]);
      const retry = await interact(click, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
      expect(retry.status).toBe(200);

      const sent = await waitFor(async () => {
        const d = await draft(draftId);
        return d.status === "sent" ? d : undefined;
      }, "the draft to be sent");
      expect(sent).toMatchObject({ decidedBy: "slack:ada", decidedVia: "slack" });
      expect(await audits(draftId, "draft.approved")).toHaveLength(1);
      const outbox = await (await jsonCall(p, `/api/v1/outbox?app=${p.appId}`)).json();
      expect(outbox.data.filter((m: { text: string }) => m.text === sent.text)).toHaveLength(1);

      const update = await waitFor(
        () => updatesFor(draftId).find((u) => cardText(u).includes("Approved and sent by slack:ada")),
        "chat.update with the result",
      );
      expect(update.args).toMatchObject({ channel: CHANNEL, ts });
      expect(cardText(update)).not.toContain("draft_approve");
      // The losing click of the double click is told who decided; the retry of the winning one is not.
      const told = slack.callsTo("chat.postEphemeral").filter((c) => c.args.user === "UADA");
      expect(told).toHaveLength(1);
      expect(told[0]?.args.text).toContain("already decided. Approved by slack:ada (slack)");
    });

    it("Edit opens a modal with the draft; submitting approves the edited text once", async () => {
      const { draftId, ts } = await askAndGetCard();
      const original = (await draft(draftId)).text as string;
      expect((await interact(blockAction("draft_edit", draftId, "ben", ts))).status).toBe(200);
      const modal = await waitFor(
        () => slack.callsTo("views.open").find((c) => c.args.trigger_id === "trigger-ben-draft_edit"),
        "views.open",
      );
      expect(JSON.stringify(modal.args.view)).toContain(JSON.stringify(original).slice(1, 40));
      const edited = `${original}\n\nBen from Acme support`;
      const submit = viewSubmission("draft_edit_modal", draftId, "ben", "reply", edited);
      const accepted = await interact(submit);
      expect(accepted.status).toBe(200);
      expect(await accepted.text()).toBe("");
      const again = await interact(submit);
      expect(await again.json()).toEqual({
        response_action: "errors",
        errors: { reply: expect.stringContaining("already decided. Approved") },
      });
      const sent = await waitFor(async () => {
        const d = await draft(draftId);
        return d.status === "sent" ? d : undefined;
      }, "the edited draft to be sent");
      expect(sent).toMatchObject({ sentText: edited, decidedBy: "slack:ben" });
      await waitFor(() => updatesFor(draftId).find((u) => cardText(u).includes("Sent with edits")), "the card update");
    });

    it("Reply opens a modal; submitting sends the person's own words once on the conversation's channel", async () => {
      const { draftId, ts, card } = await askAndGetCard();
      const conversationId = /"action_id":"conversation_reply","value":"(cnv_[0-9A-Z]+)"/.exec(cardText(card))?.[1];
      expect(conversationId).toBe((await draft(draftId)).conversationId);
      const id = conversationId ?? "";
      expect((await interact(blockAction("conversation_reply", id, "cleo", ts))).status).toBe(200);
      await waitFor(
        () => slack.callsTo("views.open").find((c) => c.args.trigger_id === "trigger-cleo-conversation_reply"),
        "views.open",
      );
      const text = "Cleo here: I reset it for you, check your inbox.";
      const submit = viewSubmission("conversation_reply_modal", id, "cleo", "reply", text);
      expect(await (await interact(submit)).text()).toBe("");
      expect(await (await interact(submit, { "x-slack-retry-num": "1" })).text()).toBe("");
      const outbox = await (await jsonCall(p, `/api/v1/outbox?app=${p.appId}`)).json();
      expect(outbox.data.filter((m: { conversationId: string }) => m.conversationId === id)).toMatchObject([{ text }]);
      // A person answered: the waiting draft is withdrawn.
      await waitFor(
        async () => ((await draft(draftId)).status === "superseded" ? true : undefined),
        "the draft withdrawn",
      );
      const empty = await interact(viewSubmission("conversation_reply_modal", id, "cleo", "reply", "  "));
      expect(await empty.json()).toMatchObject({ response_action: "errors", errors: { reply: "a reply needs text" } });
    });

    it("Reject asks for a reason in a modal and records it; the card says who rejected and why", async () => {
      const { draftId, ts } = await askAndGetCard();
      await interact(blockAction("draft_reject", draftId, "cy", ts));
      const modal = await waitFor(
        () => slack.callsTo("views.open").find((c) => c.args.trigger_id === "trigger-cy-draft_reject"),
        "the reject modal",
      );
      expect(modal.args.view).toMatchObject({ callback_id: "draft_reject_modal", private_metadata: draftId });
      const empty = await interact(viewSubmission("draft_reject_modal", draftId, "cy", "reason", "  "));
      expect((await empty.json()).errors.reason).toContain("reason is required");
      const res = await interact(viewSubmission("draft_reject_modal", draftId, "cy", "reason", "wrong product"));
      expect(res.status).toBe(200);
      expect(await draft(draftId)).toMatchObject({
        status: "rejected",
        reason: "wrong product",
        decidedBy: "slack:cy",
      });
      await waitFor(
        () => updatesFor(draftId).find((u) => cardText(u).includes("Rejected by slack:cy (slack): wrong product")),
        "the rejected card",
      );
    });

    it("a decision in the dashboard updates the card, and a later click changes nothing and says who decided", async () => {
      const { draftId, ts } = await askAndGetCard();
      const approved = await jsonCall(p, `/api/v1/drafts/${draftId}/approve`, { method: "POST", body: {} });
      expect(approved.status).toBe(200);
      const decidedBy = (await approved.json()).decidedBy as string;
      await waitFor(
        () => updatesFor(draftId).find((u) => cardText(u).includes(`by ${decidedBy} (api)`)),
        "the card updated from the dashboard",
      );
      const late = await interact(blockAction("draft_approve", draftId, "dee", ts));
      expect(late.status).toBe(200);
      const told = await waitFor(
        () => slack.callsTo("chat.postEphemeral").find((c) => c.args.user === "UDEE"),
        "the ephemeral answer",
      );
      expect(told.args.text).toContain(`by ${decidedBy}`);
      expect((await draft(draftId)).decidedBy).toBe(decidedBy);
      expect(await audits(draftId, "draft.approved")).toHaveLength(1);
    });

    it("an approved action that fails reopens the card with the error, and the reply is not sent", async () => {
      const { draftId } = await askAndGetCard();
      // A Stripe refund on a server without Stripe configured: the action step records a failure.
      await setDraftActions(p.runtime, p.orgId, draftId, [
        {
          id: "a1",
          action: "stripe.refund",
          input: { chargeId: "ch_1", amount: 500 },
          risk: "approval_required",
          autoApprovable: false,
          reason: "Refund 5.00 EUR.",
          via: "stripe",
        },
      ]);
      expect(
        (await jsonCall(p, `/api/v1/drafts/${draftId}/approve`, { method: "POST", body: { actions: ["a1"] } })).status,
      ).toBe(200);
      const reopened = await waitFor(
        () =>
          updatesFor(draftId).find((u) => cardText(u).includes(":x: failed:") && cardText(u).includes("draft_approve")),
        "the card reopened with the failure",
      );
      expect(cardText(reopened)).toContain("not configured");
      expect(await draft(draftId)).toMatchObject({ status: "pending_approval", deliveryId: null });
      expect(await audits(draftId, "action.failed")).toHaveLength(1);
      const rejected = await jsonCall(p, `/api/v1/drafts/${draftId}/reject`, {
        method: "POST",
        body: { reason: "the refund could not be made" },
      });
      expect(rejected.status).toBe(200);
    });

    it("Approve on a draft with actions opens a modal listing them; only the ticked ones run", async () => {
      const { draftId, ts } = await askAndGetCard();
      const refund = (id: string, purchaseId: string, amount: number) => ({
        id,
        action: "refund",
        input: { purchaseId, amount },
        risk: "approval_required" as const,
        autoApprovable: false,
        reason: `Refund ${purchaseId}.`,
        via: "recorded" as const,
      });
      await setDraftActions(p.runtime, p.orgId, draftId, [
        refund("a1", "pur_course", 9900),
        refund("a2", "pur_ebook", 1900),
      ]);
      // The click alone approves nothing: it opens the modal with each action to tick.
      expect((await interact(blockAction("draft_approve", draftId, "eve", ts))).status).toBe(200);
      const modal = await waitFor(
        () => slack.callsTo("views.open").find((c) => c.args.trigger_id === "trigger-eve-draft_approve"),
        "the approve modal",
      );
      expect((await draft(draftId)).status).toBe("pending_approval");
      const view = modal.args.view as { callback_id: string; blocks: { element?: { options?: unknown[] } }[] };
      expect(view.callback_id).toBe("draft_approve_modal");
      const options = view.blocks.flatMap((b) => b.element?.options ?? []) as {
        value: string;
        text: { text: string };
      }[];
      expect(options.map((o) => [o.value, o.text.text])).toEqual([
        ["a1", "refund · pur_course · 9900 (minor units)"],
        ["a2", "refund · pur_ebook · 1900 (minor units)"],
      ]);

      const submit = viewSubmission("draft_approve_modal", draftId, "eve", "reply", "");
      submit.view.state.values = {
        actions: { chosen: { type: "checkboxes", selected_options: [{ value: "a2" }, { value: "a9" }] } },
      } as never;
      const accepted = await interact(submit);
      expect(await accepted.text()).toBe("");
      const sent = await waitFor(async () => {
        const d = await draft(draftId);
        return d.status === "sent" ? d : undefined;
      }, "the draft approved with the ebook's refund only");
      expect(sent.actions.map((a: { id: string; approved?: boolean }) => [a.id, a.approved])).toEqual([
        ["a1", false],
        ["a2", true],
      ]);
      expect(sent.executions.map((e: { input: { purchaseId: string } }) => e.input.purchaseId)).toEqual(["pur_ebook"]);
      expect(sent.decidedBy).toBe("slack:eve");
    });

    it("reminder, escalation and daily summary messages are service functions the scheduler calls", async () => {
      const client = p.runtime.slack;
      const ctx = p.runtime.contextFor(p.orgId, WORKFLOW);
      const { draftId, ts } = await askAndGetCard();
      // The card is stored once Slack answered the post; until then there is nothing to remind on.
      const reminder = await waitFor(
        () => postApprovalReminder(client, ctx, draftId, new Date(Date.now() + 45 * 60_000)),
        "the stored card",
      );
      expect(reminder?.text).toContain("Still waiting for approval after 45 min");
      // Looked up by what was posted: the notification functions post to the same fake meanwhile.
      const posted = (text: string | undefined) => slack.callsTo("chat.postMessage").find((c) => c.args.text === text);
      expect(posted(reminder?.text)?.args).toMatchObject({ channel: CHANNEL, thread_ts: ts });

      const conversationId = (await draft(draftId)).conversationId as string;
      const escalation = await postEscalationMessage(client, ctx, { conversationId, reason: "SLA breached." });
      expect(escalation?.text).toContain(`/conversations/${conversationId}`);

      const summary = await postDailySummary(client, ctx);
      expect(summary?.figures).toEqual({ received: customers, pendingApprovals: 1, autoSendPrecision: null });
      expect(summary?.text).toContain(`Customer messages (24 h): ${customers}`);
      expect(posted(summary?.text)?.args).toMatchObject({ channel: CHANNEL, text: summary?.text });

      await jsonCall(p, `/api/v1/drafts/${draftId}/reject`, { method: "POST", body: { reason: "done" } });
      expect(await postApprovalReminder(client, ctx, draftId)).toBeUndefined();
    });
  });
}
