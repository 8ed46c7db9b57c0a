import type {
  ImportReport,
  LeadStage,
  LeadView,
  PaymentMethod,
  ProductView,
  QuoteView,
  ShopSettings,
} from "@support/contract";
import type { MessageId } from "../i18n/translator.js";
import { ApiError, api, query, request } from "./api.js";

export type Product = ProductView;
export type Lead = LeadView;
export type Quote = QuoteView;
export type { ImportReport, LeadStage, PaymentMethod, ShopSettings };

/** The pipeline's columns, left to right, as the leads board shows them. */
export const LEAD_COLUMNS: readonly LeadStage[] = ["new", "qualified", "quoted", "won", "lost"];

export const LEAD_STAGE_LABEL: Record<LeadStage, MessageId> = {
  new: "leads.stage.new",
  qualified: "leads.stage.qualified",
  quoted: "leads.stage.quoted",
  won: "leads.stage.won",
  lost: "leads.stage.lost",
};

export const QUOTE_STATUS_LABEL: Partial<Record<string, MessageId>> = {
  draft: "shop.quotes.status.draft",
  pending_approval: "shop.quotes.status.pending_approval",
  sent: "shop.quotes.status.sent",
  accepted: "shop.quotes.status.accepted",
};

export const PAYMENT_LABEL: Record<PaymentMethod, MessageId> = {
  mvola: "shop.settings.payment.mvola",
  orange_money: "shop.settings.payment.orange_money",
  airtel_money: "shop.settings.payment.airtel_money",
  cash_on_delivery: "shop.settings.payment.cash_on_delivery",
  bank_transfer: "shop.settings.payment.bank_transfer",
};

export const IMPORT_STATUS_LABEL: Record<ImportReport["rows"][number]["status"], MessageId> = {
  created: "shop.import.status.created",
  updated: "shop.import.status.updated",
  unchanged: "shop.import.status.unchanged",
  rejected: "shop.import.status.rejected",
};

/** How many digits a currency's minor unit has (CLDR through Intl): MGA none, EUR two. */
export function minorDigits(currency: string): number {
  try {
    const format = new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() });
    return format.resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * A price typed by a person ("95 000", "12,50") as an integer of the currency's minor unit;
 * undefined when it is not a price of that currency (letters, too many decimals, negative).
 */
export function priceToMinor(text: string, currency: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(compact);
  if (!match) return undefined;
  const decimals = match[2] ?? "";
  if (decimals.length > digits) return undefined;
  const minor = Number(match[1]) * 10 ** digits + Number(decimals.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** A minor-unit amount back as the text a person types (no grouping), for editing forms. */
export function minorToPrice(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const whole = Math.floor(minor / 10 ** digits);
  return `${whole}.${String(minor % 10 ** digits).padStart(digits, "0")}`;
}

/** The leads of each column, in board order; a lead the board does not know the stage of is left out. */
export function leadsByStage(leads: Lead[]): Record<LeadStage, Lead[]> {
  const columns = Object.fromEntries(LEAD_COLUMNS.map((s) => [s, [] as Lead[]])) as Record<LeadStage, Lead[]>;
  for (const lead of leads) columns[lead.stage]?.push(lead);
  return columns;
}

/** The leads a person filters for: by owner and by words in the contact's name, phone or notes. */
export function filterLeads(leads: Lead[], filter: { owner?: string; text?: string }): Lead[] {
  const owner = filter.owner?.trim().toLowerCase();
  const text = filter.text?.trim().toLowerCase();
  return leads.filter((l) => {
    if (owner && (l.owner ?? "").toLowerCase() !== owner) return false;
    if (!text) return true;
    const haystack = [l.contact.name, l.contact.phone, l.contact.email, l.notes].join(" ").toLowerCase();
    return haystack.includes(text);
  });
}

const app = (slug: string) => `/api/v1/apps/${encodeURIComponent(slug)}`;

/** The shop's REST calls, as the dashboard makes them with the session cookie. */
export const shopClient = {
  products: (slug: string, q?: string) => api<{ data: Product[] }>(`${app(slug)}/products${query({ q })}`),
  createProduct: (slug: string, body: Record<string, unknown>) =>
    api<Product>(`${app(slug)}/products`, { method: "POST", body }),
  updateProduct: (slug: string, id: string, body: Record<string, unknown>) =>
    api<Product>(`${app(slug)}/products/${encodeURIComponent(id)}`, { method: "PATCH", body }),
  /** A CSV/XLSX upload: `dryRun` answers the per-row report without writing (the preview). */
  importCatalogue: async (slug: string, file: File, dryRun: boolean): Promise<ImportReport> => {
    const form = new FormData();
    form.set("file", file);
    form.set("dryRun", String(dryRun));
    const res = await request(`${app(slug)}/products/import`, { method: "POST", body: form });
    const body = (await res.json()) as ImportReport & { code?: string; detail?: string };
    if (!res.ok) throw new ApiError(res.status, body.code ?? String(res.status), body.detail ?? res.statusText);
    return body;
  },
  leads: (slug: string) => api<{ data: Lead[] }>(`/api/v1/leads${query({ app: slug })}`),
  leadsCsvUrl: (slug: string, stage?: string) => `/api/v1/leads/export${query({ app: slug, stage })}`,
  updateLead: (id: string, body: Record<string, unknown>) =>
    api<Lead>(`/api/v1/leads/${encodeURIComponent(id)}`, { method: "PATCH", body }),
  quotes: (filter: { app?: string; conversation?: string }) => api<{ data: Quote[] }>(`/api/v1/quotes${query(filter)}`),
  quotePdfUrl: (id: string) => `/api/v1/quotes/${encodeURIComponent(id)}/pdf`,
  createQuote: (body: Record<string, unknown>) => api<Quote>("/api/v1/quotes", { method: "POST", body }),
  sendQuote: (id: string) =>
    api<Quote>(`/api/v1/quotes/${encodeURIComponent(id)}/send`, { method: "POST", body: { via: "conversation" } }),
  settings: (slug: string) => api<ShopSettings>(`${app(slug)}/shop`),
  saveSettings: (slug: string, body: Partial<ShopSettings>) =>
    api<ShopSettings>(`${app(slug)}/shop`, { method: "PATCH", body }),
};
