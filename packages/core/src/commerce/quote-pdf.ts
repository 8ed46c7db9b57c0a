import { formatMoney, type MoneyLanguage, type QuoteFigures } from "@support/decisions";
import type { PDFFont, PDFPage } from "pdf-lib";

/** Everything printed on a quote; the bytes depend on nothing else (no clock, no random id). */
export interface QuoteDocument {
  shop: { name: string; logoPng?: Uint8Array };
  number: string;
  issuedAt: Date;
  validUntil: Date;
  customer: { name: string; phone?: string | null };
  currency: string;
  figures: QuoteFigures;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  paymentInstructions: string[];
  language: MoneyLanguage;
}

const LABELS = {
  fr: {
    title: "Devis",
    issued: "Date",
    valid: "Valable jusqu'au",
    customer: "Client",
    item: "Article",
    qty: "Qté",
    unit: "Prix unitaire",
    amount: "Montant",
    subtotal: (ttc: boolean) => (ttc ? "Sous-total TTC" : "Sous-total HT"),
    tax: (rate: string, ttc: boolean) => (ttc ? `dont TVA ${rate} %` : `TVA ${rate} %`),
    delivery: "Livraison",
    total: "Total à payer",
    payment: "Paiement",
  },
  mg: {
    title: "Tombam-bidy",
    issued: "Daty",
    valid: "Manan-kery hatramin'ny",
    customer: "Mpanjifa",
    item: "Entana",
    qty: "Isa",
    unit: "Vidiny iray",
    amount: "Sandany",
    subtotal: (ttc: boolean) => (ttc ? "Vidiny miaraka amin'ny hetra" : "Vidiny tsy misy hetra"),
    tax: (rate: string, ttc: boolean) => (ttc ? `anatiny ny hetra ${rate} %` : `Hetra ${rate} %`),
    delivery: "Fandefasana",
    total: "Totaliny aloa",
    payment: "Fandoavana",
  },
  en: {
    title: "Quote",
    issued: "Date",
    valid: "Valid until",
    customer: "Customer",
    item: "Item",
    qty: "Qty",
    unit: "Unit price",
    amount: "Amount",
    subtotal: (ttc: boolean) => (ttc ? "Subtotal incl. tax" : "Subtotal excl. tax"),
    tax: (rate: string, ttc: boolean) => (ttc ? `incl. VAT ${rate} %` : `VAT ${rate} %`),
    delivery: "Delivery",
    total: "Total due",
    payment: "Payment",
  },
} as const;

// The standard fonts speak WinAnsi: anything else would make pdf-lib throw mid-document.
const printable = (text: string) => text.replace(/[^\x20-\x7e\u00a0-\u00ff€×«»’–—]/g, "?");
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Renders a quote as an A4 PDF with pdf-lib. Metadata dates are the quote's own and pdf-lib writes
 * no random document id, so the same quote always gives the same bytes (tested on a golden file).
 */
export async function renderQuotePdf(quote: QuoteDocument): Promise<Uint8Array> {
  // pdf-lib is loaded when a quote is first rendered, not by every process that loads core.
  const { PDFDocument, rgb, StandardFonts } = await import("pdf-lib");
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(printable(`${quote.shop.name} - ${quote.number}`));
  doc.setProducer("support platform");
  doc.setCreator("support platform");
  doc.setCreationDate(quote.issuedAt);
  doc.setModificationDate(quote.issuedAt);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595.28, 841.89]);
  const l = LABELS[quote.language];
  const money = (minor: number) => formatMoney(minor, quote.currency, quote.language);
  let y = 790;
  const text = (value: string, x: number, size = 10, font: PDFFont = regular, p: PDFPage = page) =>
    p.drawText(printable(value), { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
  const right = (value: string, xRight: number, size = 10, font: PDFFont = regular) =>
    text(value, xRight - font.widthOfTextAtSize(printable(value), size), size, font);

  if (quote.shop.logoPng) {
    const logo = await doc.embedPng(quote.shop.logoPng);
    const scaled = logo.scaleToFit(120, 60);
    page.drawImage(logo, { x: 545 - scaled.width, y: y - scaled.height + 20, ...scaled });
  }
  text(quote.shop.name, 50, 18, bold);
  y -= 36;
  text(`${l.title} ${quote.number}`, 50, 14, bold);
  y -= 20;
  text(`${l.issued} : ${day(quote.issuedAt)}    ${l.valid} : ${day(quote.validUntil)}`, 50);
  y -= 16;
  text(`${l.customer} : ${quote.customer.name}${quote.customer.phone ? ` (${quote.customer.phone})` : ""}`, 50);
  y -= 30;
  text(l.item, 50, 10, bold);
  right(l.qty, 330, 10, bold);
  right(l.unit, 440, 10, bold);
  right(l.amount, 545, 10, bold);
  y -= 6;
  page.drawLine({ start: { x: 50, y }, end: { x: 545, y }, thickness: 0.5 });
  for (const line of quote.figures.lines) {
    y -= 16;
    text(line.title.slice(0, 48), 50);
    right(String(line.quantity), 330);
    right(money(line.unitMinor), 440);
    right(money(line.lineMinor), 545);
  }
  y -= 10;
  page.drawLine({ start: { x: 50, y }, end: { x: 545, y }, thickness: 0.5 });
  const rate = (quote.taxRateBp / 100).toLocaleString(quote.language === "en" ? "en" : "fr");
  const totals: [string, string, PDFFont][] = [
    [l.subtotal(quote.pricesIncludeTax), money(quote.figures.subtotalMinor), regular],
    [l.tax(rate, quote.pricesIncludeTax), money(quote.figures.taxMinor), regular],
    [l.delivery, money(quote.figures.deliveryMinor), regular],
    [l.total, money(quote.figures.totalMinor), bold],
  ];
  for (const [label, value, font] of totals) {
    y -= 16;
    right(label, 440, 10, font);
    right(value, 545, 10, font);
  }
  if (quote.paymentInstructions.length > 0) {
    y -= 32;
    text(l.payment, 50, 11, bold);
    for (const instruction of quote.paymentInstructions) {
      y -= 15;
      text(`- ${instruction}`, 50);
    }
  }
  return doc.save({ useObjectStreams: false });
}

/** Whether a logo can be printed on a quote: pdf-lib decodes it now rather than failing a quote later. */
export async function isPrintableLogo(png: Uint8Array): Promise<boolean> {
  const { PDFDocument } = await import("pdf-lib");
  try {
    await (await PDFDocument.create()).embedPng(png);
    return true;
  } catch {
    return false;
  }
}
