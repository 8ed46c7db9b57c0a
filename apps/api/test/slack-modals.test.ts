import { setDraftActions } from "@support/product/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall } from "./harness.js";
import {
  blockAction,
  cardText,
  openSlackFixture,
  SLACK_TEST_TIMEOUT,
  type SlackFixture,
  viewSubmission,
  waitFor,
} from "./slack-fixture.js";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] slack modals on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(
    `Slack modals on ${dialect.name}`,
    { timeout: SLACK_TEST_TIMEOUT },
    () => {
      let f: SlackFixture;
      beforeAll(async () => {
        f = await openSlackFixture(dialect.env, { connect: true });
      }, SLACK_TEST_TIMEOUT);
      afterAll(async () => {
        await f.close();
      });

      it("Edit opens a modal with the draft; submitting approves the edited text once", async () => {
        const { draftId, ts } = await f.askAndGetCard();
        const original = (await f.draft(draftId)).text as string;
        expect((await f.interact(blockAction("draft_edit", draftId, "ben", ts))).status).toBe(200);
        const modal = await waitFor(
          () => f.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trigger-ben-draft_edit"),
          "views.open",
        );
        expect(JSON.stringify(modal.args.view)).toContain(JSON.stringify(original).slice(1, 40));
        const edited = `${original}\n\nBen from Acme support`;
        const submit = viewSubmission("draft_edit_modal", draftId, "ben", "reply", edited);
        const accepted = await f.interact(submit);
        expect(accepted.status).toBe(200);
        expect(await accepted.text()).toBe("");
        const again = await f.interact(submit);
        expect(await again.json()).toEqual({
          response_action: "errors",
          errors: { reply: expect.stringContaining("already decided. Approved") },
        });
        const sent = await waitFor(async () => {
          const d = await f.draft(draftId);
          return d.status === "sent" ? d : undefined;
        }, "the edited draft to be sent");
        expect(sent).toMatchObject({ sentText: edited, decidedBy: "slack:ben" });
        await waitFor(
          () => f.updatesFor(draftId).find((u) => cardText(u).includes("Sent with edits")),
          "the card update",
        );
      });

      it("Reply opens a modal; submitting sends the person's own words once on the conversation's channel", async () => {
        const { draftId, ts, card } = await f.askAndGetCard();
        const conversationId = /"action_id":"conversation_reply","value":"(cnv_[0-9A-Z]+)"/.exec(cardText(card))?.[1];
        expect(conversationId).toBe((await f.draft(draftId)).conversationId);
        const id = conversationId ?? "";
        expect((await f.interact(blockAction("conversation_reply", id, "cleo", ts))).status).toBe(200);
        await waitFor(
          () => f.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trigger-cleo-conversation_reply"),
          "views.open",
        );
        const text = "Cleo here: I reset it for you, check your inbox.";
        const submit = viewSubmission("conversation_reply_modal", id, "cleo", "reply", text);
        expect(await (await f.interact(submit)).text()).toBe("");
        expect(await (await f.interact(submit, { "x-slack-retry-num": "1" })).text()).toBe("");
        const outbox = await (await jsonCall(f.p, `/api/v1/outbox?app=${f.p.appId}`)).json();
        expect(outbox.data.filter((m: { conversationId: string }) => m.conversationId === id)).toMatchObject([
          { text },
        ]);
        // A person answered: the waiting draft is withdrawn.
        await waitFor(
          async () => ((await f.draft(draftId)).status === "superseded" ? true : undefined),
          "the draft withdrawn",
        );
        const empty = await f.interact(viewSubmission("conversation_reply_modal", id, "cleo", "reply", "  "));
        expect(await empty.json()).toMatchObject({
          response_action: "errors",
          errors: { reply: "a reply needs text" },
        });
      });

      it("Reject asks for a reason in a modal and records it; the card says who rejected and why", async () => {
        const { draftId, ts } = await f.askAndGetCard();
        await f.interact(blockAction("draft_reject", draftId, "cy", ts));
        const modal = await waitFor(
          () => f.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trigger-cy-draft_reject"),
          "the reject modal",
        );
        expect(modal.args.view).toMatchObject({ callback_id: "draft_reject_modal", private_metadata: draftId });
        const empty = await f.interact(viewSubmission("draft_reject_modal", draftId, "cy", "reason", "  "));
        expect((await empty.json()).errors.reason).toContain("reason is required");
        const res = await f.interact(viewSubmission("draft_reject_modal", draftId, "cy", "reason", "wrong product"));
        expect(res.status).toBe(200);
        expect(await f.draft(draftId)).toMatchObject({
          status: "rejected",
          reason: "wrong product",
          decidedBy: "slack:cy",
        });
        await waitFor(
          () => f.updatesFor(draftId).find((u) => cardText(u).includes("Rejected by slack:cy (slack): wrong product")),
          "the rejected card",
        );
      });

      it("Approve on a draft with actions opens a modal listing them; only the ticked ones run", async () => {
        const { draftId, ts } = await f.askAndGetCard();
        const refund = (id: string, purchaseId: string, amount: number) => ({
          id,
          action: "refund",
          input: { purchaseId, amount },
          risk: "approval_required" as const,
          autoApprovable: false,
          reason: `Refund ${purchaseId}.`,
          via: "recorded" as const,
        });
        await setDraftActions(f.p.runtime, f.p.orgId, draftId, [
          refund("a1", "pur_course", 9900),
          refund("a2", "pur_ebook", 1900),
        ]);
        // The click alone approves nothing: it opens the modal with each action to tick.
        expect((await f.interact(blockAction("draft_approve", draftId, "eve", ts))).status).toBe(200);
        const modal = await waitFor(
          () => f.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trigger-eve-draft_approve"),
          "the approve modal",
        );
        expect((await f.draft(draftId)).status).toBe("pending_approval");
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
        const accepted = await f.interact(submit);
        expect(await accepted.text()).toBe("");
        const sent = await waitFor(async () => {
          const d = await f.draft(draftId);
          return d.status === "sent" ? d : undefined;
        }, "the draft approved with the ebook's refund only");
        expect(sent.actions.map((a: { id: string; approved?: boolean }) => [a.id, a.approved])).toEqual([
          ["a1", false],
          ["a2", true],
        ]);
        expect(sent.executions.map((e: { input: { purchaseId: string } }) => e.input.purchaseId)).toEqual([
          "pur_ebook",
        ]);
        expect(sent.decidedBy).toBe("slack:eve");
      });
    },
  );
}
