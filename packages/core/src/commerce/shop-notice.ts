import type { ReplyTarget } from "@support/channels";
import type { DeliveryRecord, NotificationRow } from "@support/db";
import { replyTargetFor } from "../delivery/reply-target.js";
import { sendReply } from "../delivery/send-reply.js";
import { deliverNotification, raiseNotification } from "../notifications/notify.js";
import type { ServiceContext } from "../service/context.js";
import { loadShopSettings } from "./shop-settings.js";

export interface ShopNotice {
  appId: string;
  conversationId: string;
  kind: "order_confirmed" | "quote_approval";
  /** Once per key (`order:<quote>`): a retried step tells nobody twice. */
  key: string;
  reason: string;
}

/**
 * Tells the shop: always in the dashboard's "needs attention" list (a notification), and where
 * the owner asked - Slack through the notifier, an email, or a WhatsApp message to the owner's
 * number through the app's channel. The owner's message is a delivery of the customer's
 * conversation (the conversation it is about), with its own idempotency key. A WhatsApp number
 * that has not written to the shop in 24 hours gets the channel's template, or a failed delivery
 * that says so.
 */
export async function notifyShop(
  ctx: ServiceContext,
  notice: ShopNotice,
): Promise<{ notification: NotificationRow; delivery?: DeliveryRecord }> {
  const notification = await raiseNotification(ctx, {
    appId: notice.appId,
    conversationId: notice.conversationId,
    draftId: null,
    kind: notice.kind,
    key: notice.key,
    reason: notice.reason,
  });
  const owner = (await loadShopSettings(ctx.db, ctx.org.id, notice.appId)).ownerNotification;
  if (!owner) return { notification };
  if (owner.via === "slack") {
    await deliverNotification(ctx, notification.id);
    return { notification };
  }
  const conversation = await replyTargetFor(ctx, notice.conversationId);
  const target: ReplyTarget = {
    ...conversation,
    channel: owner.via,
    externalId: owner.via === "email" ? owner.address : owner.phone,
    contact: owner.via === "email" ? { email: owner.address } : { phone: owner.phone },
    subject: notice.reason,
    email: { lastMessageId: null, references: [] },
    lastInboundAt: null,
  };
  const delivery = await sendReply(ctx, target, { text: notice.reason }, { idempotencyKey: `shop:${notice.key}` });
  return { notification, delivery };
}
