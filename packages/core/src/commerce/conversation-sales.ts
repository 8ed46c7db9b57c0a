import {
  getContact,
  getConversation,
  listMessages,
  listQuotesForConversation,
  type QuoteRow,
  quoteForMessage,
  setQuoteStatus,
} from "@support/db";
import { detectLanguage, formatMoney, type MoneyLanguage, readsAsAcceptance } from "@support/decisions";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import { catalogueAnswerFor } from "./catalogue-draft.js";
import { advanceLead } from "./leads.js";
import { DOCUMENT_CHANNELS, deliverQuote } from "./quote-delivery.js";
import { acceptableQuote, makeQuote, quoteNumber } from "./quotes.js";
import { notifyShop } from "./shop-notice.js";
import { loadShopSettings } from "./shop-settings.js";

/** What one customer message did to the sale; recorded by the workflow step. */
export interface SaleStep {
  outcome: "none" | "lead" | "quote_sent" | "quote_waiting" | "quote_not_sent" | "order";
  leadId?: string;
  quoteId?: string;
  detail?: string;
}

const MONEY_LANGUAGES = new Set(["fr", "mg", "en"]);

/** The customer's language for the shop's words: what the message reads as, French when unsure. */
export function saleLanguage(text: string): MoneyLanguage {
  const detected = detectLanguage(text).language;
  return detected && MONEY_LANGUAGES.has(detected) ? (detected as MoneyLanguage) : "fr";
}

/**
 * Follows a customer message through the sale (the workflow's step; idempotent, so a retry
 * repeats nothing): a reply accepting a sent quote confirms the order (quote accepted, lead won,
 * the shop told); a message about the catalogue makes the contact a lead; quantities qualify it
 * and make a quote from the catalogue, sent as a PDF in the conversation - or, above the shop's
 * threshold, held for a person's approval with the shop told.
 */
export async function followUpSale(
  ctx: ServiceContext,
  ids: { conversationId: string; messageId: string },
): Promise<SaleStep> {
  const conversation = await getConversation(ctx.db, ctx.org.id, ids.conversationId);
  if (!conversation) throw new AppError("not_found", `conversation "${ids.conversationId}" not found`);
  const message = (await listMessages(ctx.db, ctx.org.id, conversation.id)).find((m) => m.id === ids.messageId);
  if (message?.direction !== "inbound") return { outcome: "none", detail: "not a customer message" };
  const app = await requireApp(ctx, conversation.appId);
  const quotes = await listQuotesForConversation(ctx.db, ctx.org.id, conversation.id);
  const open = acceptableQuote(quotes);
  if (open && readsAsAcceptance(message.text).accepted) {
    if (open.status === "accepted")
      return { outcome: "none", quoteId: open.id, detail: "the order was confirmed before" };
    return confirmOrder(ctx, open, conversation.contactId);
  }
  const language = saleLanguage(message.text);
  const answer = await catalogueAnswerFor(ctx, app.id, message.text, language);
  if (!answer) return { outcome: "none", detail: "not about the catalogue" };
  const wantsQuote = answer.kind === "answer" && answer.lines.some((l) => l.quantityAsked);
  const { lead } = await commitChange(ctx, (tx) =>
    advanceLead(tx, ctx.org.id, {
      appId: app.id,
      contactId: conversation.contactId,
      conversationId: conversation.id,
      stage: wantsQuote ? "qualified" : "new",
    }),
  );
  const contact = await getContact(ctx.db, ctx.org.id, conversation.contactId);
  if (wantsQuote && lead.stage === "qualified") {
    // Keyed by the lead: told once, whether this message made it qualified or a retry repeats the step.
    await notifyShop(ctx, {
      appId: app.id,
      conversationId: conversation.id,
      kind: "lead_qualified",
      key: `lead_qualified:${lead.id}`,
      reason: `Nouveau prospect qualifié : ${customerName(contact)} demande ${answer.lines.map((l) => `${l.quantity} × ${l.product.title}`).join(", ")}.`,
    });
  }
  if (answer.kind !== "answer" || !wantsQuote) return { outcome: "lead", leadId: lead.id };
  const shop = await loadShopSettings(ctx.db, ctx.org.id, app.id);
  const threshold = shop.approvalThresholdMinor;
  const quote =
    (await quoteForMessage(ctx.db, ctx.org.id, message.id)) ??
    (await makeQuote(
      ctx,
      app,
      {
        conversation: conversation.id,
        customer: { name: contact?.name ?? contact?.phone ?? "Client", phone: contact?.phone ?? null },
        lines: answer.lines.map((l) => ({ sku: l.product.sku, quantity: l.quantity })),
        language,
      },
      {
        messageId: message.id,
        status: (total) => (threshold !== null && total > threshold ? "pending_approval" : "draft"),
      },
    ));
  if (quote.status === "pending_approval") {
    const total = formatMoney(quote.totalMinor, quote.currency, "fr");
    await notifyShop(ctx, {
      appId: app.id,
      conversationId: conversation.id,
      kind: "quote_approval",
      key: `quote_approval:${quote.id}`,
      reason: `Devis ${quoteNumber(quote.number)} (${total}) à valider avant l'envoi : au-delà du seuil de la boutique.`,
    });
    return { outcome: "quote_waiting", leadId: lead.id, quoteId: quote.id };
  }
  if (quote.status !== "draft") return { outcome: "quote_sent", leadId: lead.id, quoteId: quote.id };
  if (!DOCUMENT_CHANNELS.has(conversation.channelKind)) {
    return {
      outcome: "quote_not_sent",
      leadId: lead.id,
      quoteId: quote.id,
      detail: `a ${conversation.channelKind} conversation carries no document`,
    };
  }
  const sent = await deliverQuote(ctx, quote, { via: "conversation" });
  return sent.delivery.status === "failed"
    ? {
        outcome: "quote_not_sent",
        leadId: lead.id,
        quoteId: quote.id,
        detail: sent.delivery.failureReason ?? undefined,
      }
    : { outcome: "quote_sent", leadId: lead.id, quoteId: quote.id };
}

/** The customer as the shop's notices name them: name and phone when both are known. */
function customerName(contact: { name: string | null; phone: string | null } | undefined): string {
  if (contact?.name && contact.phone) return `${contact.name} (${contact.phone})`;
  return contact?.name ?? contact?.phone ?? "Client";
}

/** The customer accepted: the quote is the order, the lead is won at the quote's total, the shop is told. */
async function confirmOrder(ctx: ServiceContext, quote: QuoteRow, contactId: string): Promise<SaleStep> {
  const { lead } = await commitChange(ctx, async (tx, log) => {
    await setQuoteStatus(tx, ctx.org.id, quote.id, "accepted");
    await log.audit({ action: "quote.accepted", subject: quote.id, data: { totalMinor: quote.totalMinor } });
    return advanceLead(tx, ctx.org.id, {
      appId: quote.appId,
      contactId,
      conversationId: quote.conversationId as string,
      stage: "won",
      quote: { id: quote.id, totalMinor: quote.totalMinor, currency: quote.currency },
    });
  });
  const customer = quote.customer as { name: string; phone?: string | null };
  const who = customer.phone ? `${customer.name} (${customer.phone})` : customer.name;
  await notifyShop(ctx, {
    appId: quote.appId,
    conversationId: quote.conversationId as string,
    kind: "order_confirmed",
    key: `order:${quote.id}`,
    reason: `Commande confirmée : devis ${quoteNumber(quote.number)}, ${formatMoney(quote.totalMinor, quote.currency, "fr")}, ${who}.`,
  });
  return { outcome: "order", leadId: lead.id, quoteId: quote.id };
}
