import type { QuoteBody, QuoteView } from "@support/contract";
import { quoteBody } from "@support/contract";
import {
  getConversation,
  getQuote,
  insertQuote,
  listQuotesForConversation,
  nextQuoteNumber,
  productsBySku,
  type QuoteRow,
} from "@support/db";
import { formatMoney, type MoneyLanguage, type QuoteFigures, quoteFigures } from "@support/decisions";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import { renderQuotePdf } from "./quote-pdf.js";

const DAY_MS = 86_400_000;
const quoteNumber = (n: number) => `D-${String(n).padStart(4, "0")}`;

function quoteView(row: QuoteRow): QuoteView {
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
    { taxRateBp: input.taxRateBp, pricesIncludeTax: input.pricesIncludeTax, delivery: input.delivery },
  );
  const row = await commitChange(ctx, async (tx, log) => {
    const number = await nextQuoteNumber(tx, ctx.org.id, app.id);
    const row = await insertQuote(tx, {
      orgId: ctx.org.id,
      appId: app.id,
      number,
      conversationId: input.conversation ?? null,
      customer: input.customer,
      lines: figures.lines,
      terms: {
        taxRateBp: input.taxRateBp,
        pricesIncludeTax: input.pricesIncludeTax,
        delivery: input.delivery,
        paymentInstructions: input.paymentInstructions,
      },
      currency,
      language: input.language,
      subtotalMinor: figures.subtotalMinor,
      taxMinor: figures.taxMinor,
      deliveryMinor: figures.deliveryMinor,
      totalMinor: figures.totalMinor,
      status: "draft",
      validUntil: new Date(Date.now() + input.validityDays * DAY_MS),
    });
    await log.audit({ action: "quote.created", subject: row.id, data: { number, totalMinor: row.totalMinor } });
    return row;
  });
  return quoteView(row);
}

export async function listQuotes(ctx: ServiceContext, query: { conversation: string }): Promise<{ data: QuoteView[] }> {
  requireRole(ctx, "agent");
  return { data: (await listQuotesForConversation(ctx.db, ctx.org.id, query.conversation)).map(quoteView) };
}

/** The quote as a PDF, rendered from its frozen figures: the same quote, the same bytes. */
export async function quotePdf(ctx: ServiceContext, id: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  requireRole(ctx, "agent");
  const row = await getQuote(ctx.db, ctx.org.id, id);
  if (!row) throw new AppError("not_found", `quote "${id}" not found`);
  const app = await requireApp(ctx, row.appId);
  const terms = row.terms as { taxRateBp: number; pricesIncludeTax: boolean; paymentInstructions: string[] };
  const lines = row.lines as QuoteFigures["lines"];
  const bytes = await renderQuotePdf({
    shop: { name: app.name },
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
