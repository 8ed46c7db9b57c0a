import type { DeliveryView } from "@support/contract";
import {
  appSettings,
  findMessageByExternalId,
  getApp,
  getConversation,
  getDraft,
  insertMessage,
  listMessages,
} from "@support/db";
import { detectLanguage, handoffNotice, isWithinBusinessHours } from "@support/decisions";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { publicDelivery } from "./person-reply.js";
import { replyTargetFor } from "./reply-target.js";
import { sendReply } from "./send-reply.js";

/**
 * The conversation went to a person: when the app asks for it (`handoffNotice`), the customer
 * is told what happens next - "a person will answer within <approval SLA>" during business hours,
 * the out-of-hours message outside them - in their language (the draft's triage, else their latest
 * message's, as when a procedure hands off) among en, fr, mg.
 * Sent once per escalation (keyed on the draft, else the conversation); null when the app is silent.
 */
export async function tellCustomerAPersonWillAnswer(
  ctx: ServiceContext,
  input: { conversationId: string; draftId?: string },
  now: Date = new Date(),
): Promise<DeliveryView | null> {
  const orgId = ctx.org.id;
  const conversation = await getConversation(ctx.db, orgId, input.conversationId);
  if (!conversation) throw new AppError("not_found", `conversation "${input.conversationId}" not found`);
  const app = await getApp(ctx.db, orgId, conversation.appId);
  if (!app) throw new AppError("not_found", `app "${conversation.appId}" not found`);
  const settings = appSettings(app);
  if (!settings.handoffNotice) return null;
  const draft = input.draftId ? await getDraft(ctx.db, orgId, input.draftId) : undefined;
  const open = isWithinBusinessHours(settings.businessHours, now);
  const notice = handoffNotice({
    language:
      (draft?.triage as { language?: string } | null)?.language ?? (await latestCustomerLanguage(ctx, conversation.id)),
    fallbackLanguage: settings.language,
    open,
    slaHours: settings.approvalSlaHours,
    outOfHoursMessage: settings.outOfHoursMessage,
  });
  const target = await replyTargetFor(ctx, conversation.id);
  const key = `handoff:${input.draftId ?? conversation.id}`;
  const delivery = await sendReply(ctx, target, { text: notice.text }, { idempotencyKey: key });
  const externalId = `delivery:${delivery.id}`;
  await commitChange(ctx, async (tx, log) => {
    if (await findMessageByExternalId(tx, orgId, conversation.id, externalId)) return;
    await insertMessage(tx, {
      orgId,
      conversationId: conversation.id,
      direction: delivery.status === "failed" ? "internal" : "outbound",
      authorKind: "system",
      authorName: "handoff notice",
      kind: "text",
      externalId,
      text: notice.text,
      html: null,
      attachments: null,
      metadata: { deliveryId: delivery.id, sandbox: delivery.sandbox, handoff: true },
      inboundEventId: null,
      createdAt: new Date(),
    });
    await log.audit({
      action: "handoff.notice_sent",
      subject: conversation.id,
      data: { deliveryId: delivery.id, status: delivery.status, language: notice.language, businessHours: open },
    });
  });
  return publicDelivery(delivery);
}

async function latestCustomerLanguage(ctx: ServiceContext, conversationId: string): Promise<string | undefined> {
  const messages = await listMessages(ctx.db, ctx.org.id, conversationId);
  const latest = messages.filter((m) => m.direction === "inbound" && m.text).at(-1);
  return latest?.text ? (detectLanguage(latest.text).language ?? undefined) : undefined;
}
