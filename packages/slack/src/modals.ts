import type { DraftView } from "@support/contract";
import { actionHeadline, summarizeAction } from "./action-summary.js";

export const VIEWS = {
  approve: "draft_approve_modal",
  edit: "draft_edit_modal",
  reject: "draft_reject_modal",
  reply: "conversation_reply_modal",
} as const;
/** The block and action ids of the modals' text inputs. */
export const INPUTS = {
  edit: { block: "reply", action: "text" },
  reject: { block: "reason", action: "text" },
  reply: { block: "reply", action: "text" },
} as const;
/** The checkboxes of the proposed actions, in the Approve and Edit modals: the ticked ones run. */
export const ACTION_CHOICE = { block: "actions", action: "chosen" } as const;

const plain = (text: string) => ({ type: "plain_text" as const, text });
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * One checkbox per proposed action, labelled with its kind, object and amount, its reason below;
 * ticked at first like the dashboard's list, so unticking leaves one out. Optional: none ticked
 * approves the reply alone.
 */
function actionChoiceBlock(draft: DraftView) {
  const options = draft.actions.map((a) => ({
    text: plain(clip(actionHeadline(summarizeAction(draft, a)), 75)),
    description: plain(clip(a.reason, 75)),
    value: a.id,
  }));
  return {
    type: "input",
    block_id: ACTION_CHOICE.block,
    optional: true,
    label: plain("Actions to run on approval (unticked ones do not run)"),
    element: { type: "checkboxes", action_id: ACTION_CHOICE.action, options, initial_options: options },
  };
}

/** The reply as it will be sent, for the approve modal (Slack sections hold at most 3000 characters). */
const replyPreview = (draft: DraftView) => ({
  type: "section",
  text: plain(clip(draft.text || "(no text)", 3000)),
});

/**
 * Approving a draft that proposes actions: the reply and each action to tick. Submitting
 * approves with the ticked ones; Slack's card alone never runs an action.
 */
export function approveModal(draft: DraftView) {
  return {
    type: "modal",
    callback_id: VIEWS.approve,
    private_metadata: draft.id,
    title: plain("Approve draft"),
    submit: plain("Approve and send"),
    close: plain("Cancel"),
    blocks: [replyPreview(draft), actionChoiceBlock(draft)],
  };
}

/** The draft, editable, and its proposed actions to tick; submitting approves the edited text with the ticked ones. */
export function editModal(draft: DraftView) {
  return {
    type: "modal",
    callback_id: VIEWS.edit,
    private_metadata: draft.id,
    title: plain("Edit and send"),
    submit: plain("Approve and send"),
    close: plain("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: INPUTS.edit.block,
        label: plain("Reply to the customer"),
        element: {
          type: "plain_text_input",
          action_id: INPUTS.edit.action,
          multiline: true,
          max_length: 3000,
          ...(draft.text ? { initial_value: draft.text.slice(0, 3000) } : {}),
        },
      },
      ...(draft.actions.length > 0 ? [actionChoiceBlock(draft)] : []),
    ],
  };
}

/** Asks why; submitting rejects the draft with that reason. */
export function rejectModal(draft: DraftView) {
  return {
    type: "modal",
    callback_id: VIEWS.reject,
    private_metadata: draft.id,
    title: plain("Reject draft"),
    submit: plain("Reject"),
    close: plain("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: INPUTS.reject.block,
        label: plain("Why is this draft wrong?"),
        element: { type: "plain_text_input", action_id: INPUTS.reject.action, multiline: true, max_length: 1000 },
      },
    ],
  };
}

/** A person's own reply on the conversation, sent on its channel when submitted (whatever the draft's state). */
export function replyModal(conversationId: string) {
  return {
    type: "modal",
    callback_id: VIEWS.reply,
    private_metadata: conversationId,
    title: plain("Reply to the customer"),
    submit: plain("Send"),
    close: plain("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: INPUTS.reply.block,
        label: plain("Your reply, sent on the conversation's channel"),
        element: { type: "plain_text_input", action_id: INPUTS.reply.action, multiline: true, max_length: 3000 },
      },
    ],
  };
}
