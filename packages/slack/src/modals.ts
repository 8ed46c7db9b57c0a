import type { DraftView } from "@support/contract";

export const VIEWS = {
  edit: "draft_edit_modal",
  reject: "draft_reject_modal",
  reply: "conversation_reply_modal",
} as const;
/** The block and action ids of the modals' one input each. */
export const INPUTS = {
  edit: { block: "reply", action: "text" },
  reject: { block: "reason", action: "text" },
  reply: { block: "reply", action: "text" },
} as const;

const plain = (text: string) => ({ type: "plain_text" as const, text });

/** The draft, editable; submitting approves it with the edited text. */
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
