import { findMessageByExternalId, insertMessage } from "@support/db";
import { replyTargetFor } from "../delivery/reply-target.js";
import { sendReply } from "../delivery/send-reply.js";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";

/**
 * A procedure's message to the customer, through the conversation's channel, once per key (the
 * delivery claims it), and stored on the conversation as the run's outbound message.
 */
export async function sendProcedureMessage(
  ctx: ServiceContext,
  input: { conversationId: string; runId: string; key: string; template: string; text: string },
): Promise<{ deliveryId: string; status: string }> {
  const orgId = ctx.org.id;
  const target = await replyTargetFor(ctx, input.conversationId);
  const delivery = await sendReply(ctx, target, { text: input.text }, { idempotencyKey: input.key });
  const externalId = `delivery:${delivery.id}`;
  await commitChange(ctx, async (tx) => {
    if (await findMessageByExternalId(tx, orgId, input.conversationId, externalId)) return;
    await insertMessage(tx, {
      orgId,
      conversationId: input.conversationId,
      direction: delivery.status === "failed" ? "internal" : "outbound",
      authorKind: "system",
      authorName: "procedure",
      kind: "text",
      externalId,
      text: input.text,
      html: null,
      attachments: null,
      metadata: {
        deliveryId: delivery.id,
        sandbox: delivery.sandbox,
        procedureRunId: input.runId,
        template: input.template,
      },
      inboundEventId: null,
      createdAt: new Date(),
    });
  });
  return { deliveryId: delivery.id, status: delivery.status };
}
