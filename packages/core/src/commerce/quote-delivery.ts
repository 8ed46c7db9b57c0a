import type { ReplyTarget } from "@support/channels";
import type { QuoteSend, QuoteView } from "@support/contract";
import { quoteSendBody } from "@support/contract";
import { type DeliveryRecord, getConversation, getQuote, type QuoteRow, setQuoteStatus } from "@support/db";
import { formatMoney, type MoneyLanguage, quoteMessage } from "@support/decisions";
import { replyTargetFor } from "../delivery/reply-target.js";
import { sendReply } from "../delivery/send-reply.js";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { advanceLead } from "./leads.js";
import { quoteNumber, quoteView, renderStoredQuote } from "./quotes.js";

/** The channels whose adapters carry a document: WhatsApp as a document message, email as an attachment. */
export const DOCUMENT_CHANNELS: ReadonlySet<string> = new Set(["whatsapp", "email", "web"]);

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Sends a quote's PDF with its caption, once per quote and way (the idempotency key), then marks
 * it sent and its conversation's lead quoted. A failed send is not thrown: the quote stays as it
 * was and the delivery says why. `approvedBy` is set when a person sends it (approval included).
 */
export async function deliverQuote(
  ctx: ServiceContext,
  row: QuoteRow,
  way: { via: "conversation" } | { via: "email"; to: string },
): Promise<{ quote: QuoteRow; delivery: DeliveryRecord }> {
  if (!row.conversationId) {
    throw new AppError("invalid_input", "this quote belongs to no conversation: download its PDF or send it by email");
  }
  const conversationTarget = await replyTargetFor(ctx, row.conversationId);
  const target: ReplyTarget =
    way.via === "email"
      ? { ...conversationTarget, channel: "email", contact: { email: way.to, name: conversationTarget.contact.name } }
      : conversationTarget;
  if (!DOCUMENT_CHANNELS.has(target.channel)) {
    throw new AppError(
      "invalid_input",
      `a ${target.channel} conversation cannot carry a document: send the quote by email or download its PDF`,
    );
  }
  const language = row.language as MoneyLanguage;
  const number = quoteNumber(row.number);
  const pdf = await renderStoredQuote(ctx, row);
  const caption = quoteMessage(
    language,
    number,
    formatMoney(row.totalMinor, row.currency, language),
    day(row.validUntil),
  );
  const delivery = await sendReply(
    ctx,
    target,
    { text: caption, document: { fileName: pdf.fileName, mimeType: "application/pdf", bytes: pdf.bytes } },
    { idempotencyKey: `quote:${row.id}:${way.via === "email" ? `email:${way.to}` : "conversation"}` },
  );
  if (delivery.status === "failed") return { quote: row, delivery };
  const conversation = await getConversation(ctx.db, ctx.org.id, row.conversationId);
  const quote = await commitChange(ctx, async (tx, log) => {
    const status = row.status === "accepted" ? row.status : "sent";
    if (status !== row.status) await setQuoteStatus(tx, ctx.org.id, row.id, status);
    if (conversation) {
      await advanceLead(tx, ctx.org.id, {
        appId: row.appId,
        contactId: conversation.contactId,
        conversationId: conversation.id,
        stage: "quoted",
        quote: { id: row.id, totalMinor: row.totalMinor, currency: row.currency },
      });
    }
    await log.audit({ action: "quote.sent", subject: row.id, data: { via: way.via, deliveryId: delivery.id } });
    return { ...row, status };
  });
  return { quote, delivery };
}

/**
 * A person sends a quote (approving it when it waited for approval): in its conversation, or by
 * email to the address given. Any member. A failed send answers a conflict with the channel's reason.
 */
export async function sendQuote(ctx: ServiceContext, id: string, body: QuoteSend): Promise<QuoteView> {
  requireRole(ctx, "agent");
  const parsed = quoteSendBody.safeParse(body);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues.map((i) => i.message).join("; "));
  const row = await getQuote(ctx.db, ctx.org.id, id);
  if (!row) throw new AppError("not_found", `quote "${id}" not found`);
  const { via, to } = parsed.data;
  if (via === "email" && !to) throw new AppError("invalid_input", "to: the email address to send the quote to");
  const { quote, delivery } = await deliverQuote(ctx, row, via === "email" ? { via, to: to as string } : { via });
  if (delivery.status === "failed") {
    throw new AppError(
      "conflict",
      `the quote could not be sent: ${delivery.failureReason ?? "the channel refused it"}`,
    );
  }
  return quoteView(quote);
}
