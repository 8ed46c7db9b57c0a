import type { QuoteBody, QuoteView, ShopSettings } from "@support/contract";
import { quoteBody } from "@support/contract";
import {
  type App,
  getConversation,
  getQuote,
  insertQuote,
  listQuotesForApp,
  listQuotesForConversation,
  nextQuoteNumber,
  productsBySku,
  type QuoteRow,
} from "@support/db";
import { formatMoney, type MoneyLanguage, paymentLines, type QuoteFigures, quoteFigures } from "@support/decisions";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import { renderQuotePdf } from "./quote-pdf.js";
import { loadShopSettings } from "./shop-settings.js";

const DAY_MS = 86_400_000;
export const quoteNumber = (n: number) => `D-${String(n).padStart(4, "0")}`;

/**
 * The quote a reply may accept: the conversation's latest quote that was sent (or already
 * accepted: saying yes twice confirms the same order) and is still valid.
 */
export function acceptableQuote(quotes: QuoteRow[], now = new Date()): QuoteRow | undefined {
  const latest = quotes.filter((q) => q.status === "sent" || q.status === "accepted").at(-1);
  return latest && latest.validUntil > now ? latest : undefined;
}

export function quoteView(row: QuoteRow): QuoteView {
  return {
    id: row.id,
    appId: row.appId,
    number: quoteNumber(row.number),
    conversationId: row.conversationId,
    customer: row.customer as QuoteView["customer"],
    lines: row.lines as QuoteView["lines"],
    currency: row.currency,
    subtotalMinor: row.subtotalMinor,
    taxMinor: row.taxMinor,
    deliveryMinor: row.deliveryMinor,
    totalMinor: row.totalMinor,
    totalText: formatMoney(row.totalMinor, row.currency, row.language as MoneyLanguage),
    status: row.status,
    validUntil: row.validUntil.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Makes a quote from skus and quantities; any member. Prices are the catalogue's at this moment
 * and are frozen in the quote; an unknown, inactive or mixed-currency product is refused by name.
 * Terms the request leaves out (tax, delivery, validity, payment) are the shop's settings.
 */
export async function createQuote(ctx: ServiceContext, body: QuoteBody): Promise<QuoteView> {
  requireRole(ctx, "agent");
  const parsed = quoteBody.safeParse(body);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues.map((i) => i.message).join("; "));
  const input = parsed.data;
  const app = await requireApp(ctx, input.app);
  if (input.conversation) {
    const conversation = await getConversation(ctx.db, ctx.org.id, input.conversation);
    if (!conversation || conversation.appId !== app.id) {
      throw new AppError("not_found", `conversation "${input.conversation}" not found`);
    }
  }
  return quoteView(await makeQuote(ctx, app, input, { status: "draft", messageId: null }));
}

/** What a quote is made of once its request was read: the API's body or the conversation's quantities. */
export type QuoteInput = Omit<ReturnType<typeof quoteBody.parse>, "app">;

/** Prices, figures and the shop's terms, then the numbered row with its audit entry, in one transaction. */
export async function makeQuote(
  ctx: ServiceContext,
  app: App,
  input: QuoteInput,
  /** The status, or how to decide it from the total (the shop's approval threshold). */
  options: { status: string | ((totalMinor: number) => string); messageId: string | null },
): Promise<QuoteRow> {
  const shop: ShopSettings = await loadShopSettings(ctx.db, ctx.org.id, app.id);
  const terms = {
    taxRateBp: input.taxRateBp ?? shop.taxRateBp,
    pricesIncludeTax: input.pricesIncludeTax ?? shop.pricesIncludeTax,
    delivery: input.delivery ?? shop.delivery,
    paymentInstructions: input.paymentInstructions ?? paymentLines(shop.paymentInstructions, input.language),
  };
  const validityDays = input.validityDays ?? shop.quoteValidityDays;
  const products = new Map(
    (
      await productsBySku(
        ctx.db,
        ctx.org.id,
        app.id,
        input.lines.map((l) => l.sku),
      )
    ).map((p) => [p.sku, p]),
  );
  const missing = input.lines.filter((l) => !products.get(l.sku)?.active).map((l) => l.sku);
  if (missing.length > 0) throw new AppError("invalid_input", `not in the catalogue: ${missing.join(", ")}`);
  const currencies = new Set(input.lines.map((l) => products.get(l.sku)?.currency));
  if (currencies.size > 1) throw new AppError("invalid_input", "a quote's products must share one currency");
  const currency = [...currencies][0] as string;
  const figures: QuoteFigures = quoteFigures(
    input.lines.map((l) => {
      const p = products.get(l.sku);
      if (!p) throw new AppError("invalid_input", `not in the catalogue: ${l.sku}`);
      const title = (p.titles as Record<string, string> | null)?.[input.language] ?? p.title;
      return { sku: p.sku, title, quantity: l.quantity, unitMinor: p.priceMinor };
    }),
    terms,
  );
  return commitChange(ctx, async (tx, log) => {
    const number = await nextQuoteNumber(tx, ctx.org.id, app.id);
    const row = await insertQuote(tx, {
      orgId: ctx.org.id,
      appId: app.id,
      number,
      conversationId: input.conversation ?? null,
      messageId: options.messageId,
      customer: input.customer,
      lines: figures.lines,
      terms,
      currency,
      language: input.language,
      subtotalMinor: figures.subtotalMinor,
      taxMinor: figures.taxMinor,
      deliveryMinor: figures.deliveryMinor,
      totalMinor: figures.totalMinor,
      status: typeof options.status === "function" ? options.status(figures.totalMinor) : options.status,
      validUntil: new Date(Date.now() + validityDays * DAY_MS),
    });
    await log.audit({ action: "quote.created", subject: row.id, data: { number, totalMinor: row.totalMinor } });
    return row;
  });
}

/** A conversation's quotes (oldest first) or an app's (newest first, the dashboard's list); any member. */
export async function listQuotes(
  ctx: ServiceContext,
  query: { conversation?: string; app?: string },
): Promise<{ data: QuoteView[] }> {
  requireRole(ctx, "agent");
  if (query.conversation) {
    return { data: (await listQuotesForConversation(ctx.db, ctx.org.id, query.conversation)).map(quoteView) };
  }
  if (!query.app) throw new AppError("invalid_input", "conversation or app: whose quotes to list");
  const app = await requireApp(ctx, query.app);
  return { data: (await listQuotesForApp(ctx.db, ctx.org.id, app.id)).map(quoteView) };
}

/** The quote as a PDF, rendered from its frozen figures: the same quote, the same bytes. */
export async function quotePdf(ctx: ServiceContext, id: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  requireRole(ctx, "agent");
  const row = await getQuote(ctx.db, ctx.org.id, id);
  if (!row) throw new AppError("not_found", `quote "${id}" not found`);
  return renderStoredQuote(ctx, row);
}

/** Renders a stored quote with the shop's name and logo. */
export async function renderStoredQuote(
  ctx: ServiceContext,
  row: QuoteRow,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const app = await requireApp(ctx, row.appId);
  const shop = await loadShopSettings(ctx.db, ctx.org.id, app.id);
  const terms = row.terms as { taxRateBp: number; pricesIncludeTax: boolean; paymentInstructions: string[] };
  const lines = row.lines as QuoteFigures["lines"];
  const bytes = await renderQuotePdf({
    shop: { name: app.name, logoPng: shop.logoPng ? Buffer.from(shop.logoPng, "base64") : undefined },
    number: quoteNumber(row.number),
    issuedAt: row.createdAt,
    validUntil: row.validUntil,
    customer: row.customer as { name: string; phone?: string | null },
    currency: row.currency,
    figures: {
      lines,
      subtotalMinor: row.subtotalMinor,
      taxMinor: row.taxMinor,
      deliveryMinor: row.deliveryMinor,
      totalMinor: row.totalMinor,
    },
    taxRateBp: terms.taxRateBp,
    pricesIncludeTax: terms.pricesIncludeTax,
    paymentInstructions: terms.paymentInstructions,
    language: row.language as MoneyLanguage,
  });
  return { fileName: `${quoteNumber(row.number)}.pdf`, bytes };
}
