import {
  type Db,
  type DeliveryRecord,
  findConversationByExternalId,
  findNotificationByKey,
  insertConversation,
  type NotificationRow,
  upsertContact,
} from "@support/db";
import { replyTargetFor } from "../delivery/reply-target.js";
import { sendReply } from "../delivery/send-reply.js";
import { deliverNotification, raiseNotification } from "../notifications/notify.js";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { loadShopSettings } from "./shop-settings.js";

export interface ShopNotice {
  appId: string;
  conversationId: string;
  kind: "order_confirmed" | "quote_approval" | "lead_qualified";
  /** Once per key (`order:<quote>`): a retried step tells nobody twice. */
  key: string;
  reason: string;
}

/** A WhatsApp number as the Cloud API names a conversation: its digits ("+261 34 00 000 00" → "261340000000"). */
export const waId = (phone: string) => phone.replace(/\D/g, "");

/**
 * The owner's own WhatsApp conversation with the shop: the one their messages arrive in (same
 * external id), made the first time the shop writes to them. The owner's notices are recorded
 * there, never on the customer's conversation the notice is about.
 */
async function ownerConversation(ctx: ServiceContext, appId: string, phone: string) {
  const externalId = waId(phone);
  const find = (db: Db) => findConversationByExternalId(db, ctx.org.id, appId, "whatsapp", externalId);
  const existing = await find(ctx.db);
  if (existing) return existing;
  return commitChange(ctx, async (tx) => {
    const again = await find(tx);
    if (again) return again;
    const contact = await upsertContact(tx, ctx.org.id, appId, { phone: externalId });
    return insertConversation(tx, {
      orgId: ctx.org.id,
      appId,
      contactId: contact.id,
      channelKind: "whatsapp",
      externalId,
      subject: null,
      status: "open",
      assignee: null,
      tags: null,
      lastMessageAt: new Date(),
      closedAt: null,
    });
  });
}

/**
 * Tells the shop: always in the dashboard's "needs attention" list (a notification on the
 * customer's conversation it is about), and where the owner asked - Slack through the notifier,
 * an email through the platform's mail port, or a WhatsApp message in the owner's own
 * conversation with the shop (a number that has not written in 24 hours gets the channel's
 * template, or a failed delivery that says so).
 *
 * The email goes out before the notification is recorded, and only while it is not: a retry
 * after a failed send mails again, a retry after success does not.
 */
export async function notifyShop(
  ctx: ServiceContext,
  notice: ShopNotice,
): Promise<{ notification: NotificationRow; delivery?: DeliveryRecord }> {
  const owner = (await loadShopSettings(ctx.db, ctx.org.id, notice.appId)).ownerNotification;
  if (owner?.via === "email" && !(await findNotificationByKey(ctx.db, ctx.org.id, notice.key))) {
    await ctx.ports.mail.send({
      kind: "shop_notice",
      orgId: ctx.org.id,
      to: owner.address,
      subject: notice.reason,
      text: notice.reason,
    });
  }
  const notification = await raiseNotification(ctx, {
    appId: notice.appId,
    conversationId: notice.conversationId,
    draftId: null,
    kind: notice.kind,
    key: notice.key,
    reason: notice.reason,
  });
  if (owner?.via === "slack") await deliverNotification(ctx, notification.id);
  if (owner?.via !== "whatsapp") return { notification };
  const conversation = await ownerConversation(ctx, notice.appId, owner.phone);
  const target = await replyTargetFor(ctx, conversation.id);
  const delivery = await sendReply(ctx, target, { text: notice.reason }, { idempotencyKey: `shop:${notice.key}` });
  return { notification, delivery };
}
