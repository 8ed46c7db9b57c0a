import { WORKFLOW } from "@support/core";
import { setDraftActions } from "@support/product/testing";
import { postApprovalReminder, postDailySummary, postEscalationMessage } from "@support/slack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall } from "./harness.js";
import {
  BOT_TOKEN,
  blockAction,
  CHANNEL,
  cardText,
  openSlackFixture,
  SLACK_TEST_TIMEOUT,
  type SlackFixture,
  waitFor,
} from "./slack-fixture.js";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] slack cards on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(
    `Slack cards on ${dialect.name}`,
    { timeout: SLACK_TEST_TIMEOUT },
    () => {
      let f: SlackFixture;
      beforeAll(async () => {
        f = await openSlackFixture(dialect.env, { connect: true });
      }, SLACK_TEST_TIMEOUT);
      afterAll(async () => {
        await f.close();
      });

      it("posts a card with everything a reviewer needs, and applies an Approve exactly once despite a double click and a retry", async () => {
        const { draftId, ts, card } = await f.askAndGetCard();
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
        expect(actions?.elements?.[3]?.url).toBe(`${f.p.runtime.config.publicUrl}/drafts/${draftId}`);

        const click = blockAction("draft_approve", draftId, "ada", ts);
        const [first, second] = await Promise.all([f.interact(click), f.interact(click)]);
        expect([first.status, second.status]).toEqual([200, 200]);
        const retry = await f.interact(click, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
        expect(retry.status).toBe(200);

        const sent = await waitFor(async () => {
          const d = await f.draft(draftId);
          return d.status === "sent" ? d : undefined;
        }, "the draft to be sent");
        expect(sent).toMatchObject({ decidedBy: "slack:ada", decidedVia: "slack" });
        expect(await f.audits(draftId, "draft.approved")).toHaveLength(1);
        const outbox = await (await jsonCall(f.p, `/api/v1/outbox?app=${f.p.appId}`)).json();
        expect(outbox.data.filter((m: { text: string }) => m.text === sent.text)).toHaveLength(1);

        const update = await waitFor(
          () => f.updatesFor(draftId).find((u) => cardText(u).includes("Approved and sent by slack:ada")),
          "chat.update with the result",
        );
        expect(update.args).toMatchObject({ channel: CHANNEL, ts });
        expect(cardText(update)).not.toContain("draft_approve");
        // The losing click of the double click is told who decided; the retry of the winning one is not.
        const told = f.slack.callsTo("chat.postEphemeral").filter((c) => c.args.user === "UADA");
        expect(told).toHaveLength(1);
        expect(told[0]?.args.text).toContain("already decided. Approved by slack:ada (slack)");
      });

      it("a decision in the dashboard updates the card, and a later click changes nothing and says who decided", async () => {
        const { draftId, ts } = await f.askAndGetCard();
        const approved = await jsonCall(f.p, `/api/v1/drafts/${draftId}/approve`, { method: "POST", body: {} });
        expect(approved.status).toBe(200);
        const decidedBy = (await approved.json()).decidedBy as string;
        await waitFor(
          () => f.updatesFor(draftId).find((u) => cardText(u).includes(`by ${decidedBy} (api)`)),
          "the card updated from the dashboard",
        );
        const late = await f.interact(blockAction("draft_approve", draftId, "dee", ts));
        expect(late.status).toBe(200);
        const told = await waitFor(
          () => f.slack.callsTo("chat.postEphemeral").find((c) => c.args.user === "UDEE"),
          "the ephemeral answer",
        );
        expect(told.args.text).toContain(`by ${decidedBy}`);
        expect((await f.draft(draftId)).decidedBy).toBe(decidedBy);
        expect(await f.audits(draftId, "draft.approved")).toHaveLength(1);
      });

      it("an approved action that fails reopens the card with the error, and the reply is not sent", async () => {
        const { draftId } = await f.askAndGetCard();
        // A Stripe refund on a server without Stripe configured: the action step records a failure.
        await setDraftActions(f.p.runtime, f.p.orgId, draftId, [
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
          (await jsonCall(f.p, `/api/v1/drafts/${draftId}/approve`, { method: "POST", body: { actions: ["a1"] } }))
            .status,
        ).toBe(200);
        const reopened = await waitFor(
          () =>
            f
              .updatesFor(draftId)
              .find((u) => cardText(u).includes(":x: failed:") && cardText(u).includes("draft_approve")),
          "the card reopened with the failure",
        );
        expect(cardText(reopened)).toContain("not configured");
        expect(await f.draft(draftId)).toMatchObject({ status: "pending_approval", deliveryId: null });
        expect(await f.audits(draftId, "action.failed")).toHaveLength(1);
        const rejected = await jsonCall(f.p, `/api/v1/drafts/${draftId}/reject`, {
          method: "POST",
          body: { reason: "the refund could not be made" },
        });
        expect(rejected.status).toBe(200);
      });

      it("reminder, escalation and daily summary messages are service functions the scheduler calls", async () => {
        const client = f.p.runtime.slack;
        const ctx = f.p.runtime.contextFor(f.p.orgId, WORKFLOW);
        const { draftId, ts } = await f.askAndGetCard();
        // The card is stored once Slack answered the post; until then there is nothing to remind on.
        const reminder = await waitFor(
          () => postApprovalReminder(client, ctx, draftId, new Date(Date.now() + 45 * 60_000)),
          "the stored card",
        );
        expect(reminder?.text).toContain("Still waiting for approval after 45 min");
        // Looked up by what was posted: the notification functions post to the same fake meanwhile.
        const posted = (text: string | undefined) =>
          f.slack.callsTo("chat.postMessage").find((c) => c.args.text === text);
        expect(posted(reminder?.text)?.args).toMatchObject({ channel: CHANNEL, thread_ts: ts });

        const conversationId = (await f.draft(draftId)).conversationId as string;
        const escalation = await postEscalationMessage(client, ctx, { conversationId, reason: "SLA breached." });
        expect(escalation?.text).toContain(`/conversations/${conversationId}`);

        const summary = await postDailySummary(client, ctx);
        expect(summary?.figures).toEqual({ received: f.customers(), pendingApprovals: 1, autoSendPrecision: null });
        expect(summary?.text).toContain(`Customer messages (24 h): ${f.customers()}`);
        expect(posted(summary?.text)?.args).toMatchObject({ channel: CHANNEL, text: summary?.text });

        await jsonCall(f.p, `/api/v1/drafts/${draftId}/reject`, { method: "POST", body: { reason: "done" } });
        expect(await postApprovalReminder(client, ctx, draftId)).toBeUndefined();
      });

      it("asking for a new draft updates the set-aside draft's card (no buttons) and posts the new draft's card", async () => {
        const { draftId, ts, name } = await f.askAndGetCard();
        const asked = await jsonCall(f.p, `/api/v1/drafts/${draftId}/redraft`, {
          method: "POST",
          body: { note: "mention the link's lifetime" },
        });
        expect(asked.status).toBe(200);
        const replaced = await waitFor(
          () => f.updatesFor(draftId).find((u) => cardText(u).includes("Replaced by a new draft")),
          "the set-aside card updated",
        );
        expect(replaced.args).toMatchObject({ channel: CHANNEL, ts });
        expect(cardText(replaced)).toContain("(api): mention the link's lifetime");
        for (const button of ["draft_approve", "draft_edit", "draft_reject"])
          expect(cardText(replaced)).not.toContain(button);
        const cards = await waitFor(() => {
          const posted = f.slack.callsTo("chat.postMessage").filter((c) => cardText(c).includes(name));
          return posted.length === 2 ? posted : undefined;
        }, "the new draft's card");
        const newId = /"value":"(drf_[0-9A-Z]+)"/.exec(cardText(cards[1] as (typeof cards)[number]))?.[1];
        expect(newId).toMatch(/^drf_/);
        expect(newId).not.toBe(draftId);
        expect(await f.draft(newId ?? "")).toMatchObject({ status: "pending_approval" });
        expect(cardText(cards[1] as (typeof cards)[number])).toContain("draft_approve");
        // The set-aside card is updated once: a later decision event on it changes nothing.
        expect(f.updatesFor(draftId)).toHaveLength(1);
      });
    },
  );
}
