import { PAYMENT_METHODS, type PaymentMethod } from "@support/contract";
import type { MessageId } from "../i18n/translator.js";
import { minorToPrice, priceToMinor, type ShopSettings } from "./shop.js";

/** The shop's amounts (threshold, delivery) are in ariary: the currency its catalogue defaults to. */
export const SHOP_CURRENCY = "MGA";

export type ShopFormErrors = Partial<Record<string, MessageId>>;
export type OwnerVia = "none" | "email" | "slack" | "whatsapp";

/** Delivery bands as a person writes them, one a line: "from = fee" ("100 000 = 0" is free from 100 000 Ar). */
export function deliveryText(bands: ShopSettings["delivery"]): string {
  return bands
    .map((b) => `${minorToPrice(b.fromSubtotalMinor, SHOP_CURRENCY)} = ${minorToPrice(b.feeMinor, SHOP_CURRENCY)}`)
    .join("\n");
}

export function parseDelivery(text: string): ShopSettings["delivery"] | undefined {
  const bands: ShopSettings["delivery"] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const [from, fee, extra] = line.split("=");
    if (extra !== undefined || fee === undefined) return undefined;
    const fromSubtotalMinor = priceToMinor(from ?? "", SHOP_CURRENCY);
    const feeMinor = priceToMinor(fee, SHOP_CURRENCY);
    if (fromSubtotalMinor === undefined || feeMinor === undefined) return undefined;
    bands.push({ fromSubtotalMinor, feeMinor });
  }
  return bands;
}

/** A tax rate in percent ("20", "12,5") as basis points; undefined when not between 0 and 100 with 2 decimals. */
export function percentToBp(text: string): number | undefined {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return bp <= 10_000 ? bp : undefined;
}

export const bpToPercent = (bp: number) => String(bp / 100).replace(".", ",");

/**
 * The settings a submitted form says, and the fields it refused (each with the message to show).
 * `form` is the form's text fields; the logo is read separately (a file) and passed in.
 */
export function shopSettingsFromForm(
  form: Record<string, string>,
  extra: { pricesIncludeTax: boolean; methods: Partial<Record<PaymentMethod, boolean>>; logoPng: string | null },
): { settings: Partial<ShopSettings>; errors: ShopFormErrors } {
  const errors: ShopFormErrors = {};
  const taxRateBp = percentToBp(form.tax ?? "");
  if (taxRateBp === undefined) errors.tax = "shop.settings.invalid.tax";
  const delivery = parseDelivery(form.delivery ?? "");
  if (delivery === undefined) errors.delivery = "shop.settings.invalid.delivery";
  const validity = Number(form.validity);
  if (!Number.isInteger(validity) || validity < 1 || validity > 365) errors.validity = "shop.settings.invalid.validity";
  const thresholdText = (form.threshold ?? "").trim();
  const threshold = thresholdText === "" ? null : priceToMinor(thresholdText, SHOP_CURRENCY);
  if (threshold === undefined) errors.threshold = "shop.settings.invalid.threshold";
  const via = (form.ownerVia ?? "none") as OwnerVia;
  const target = (form.ownerTarget ?? "").trim();
  if (
    (via === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(target)) ||
    (via === "whatsapp" && !/^\+?[0-9][0-9 ]{7,18}$/.test(target))
  ) {
    errors.ownerTarget = via === "email" ? "shop.settings.invalid.email" : "shop.settings.invalid.phone";
  }
  const ownerNotification: ShopSettings["ownerNotification"] =
    via === "email"
      ? { via, address: target }
      : via === "whatsapp"
        ? { via, phone: target }
        : via === "slack"
          ? { via }
          : null;
  const paymentInstructions = PAYMENT_METHODS.filter((m) => extra.methods[m]).map((method) => ({
    method,
    details: (form[`details.${method}`] ?? "").trim(),
  }));
  return {
    errors,
    settings: {
      taxRateBp: taxRateBp ?? 0,
      pricesIncludeTax: extra.pricesIncludeTax,
      delivery: delivery ?? [],
      quoteValidityDays: validity,
      paymentInstructions,
      logoPng: extra.logoPng,
      approvalThresholdMinor: threshold ?? null,
      ownerNotification,
    },
  };
}
