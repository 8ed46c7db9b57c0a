import type { DraftView } from "@support/contract";
import { formatMoney } from "@support/core";

type DraftAction = DraftView["actions"][number];

/** What an approver must see of a proposed action before running it: what it does, to what, for how much. */
export interface ActionSummary {
  kind: string;
  /** The purchase (by its product name) or the address it acts on; undefined when the input names none. */
  object?: string;
  /** The amount with its currency, for a refund. */
  amount?: string;
}

interface PurchaseSeen {
  id: string;
  productName: string;
  currency: string;
}

const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : undefined);

/**
 * Reads the action's own input, naming a purchase by the product the customer bought (from the
 * product app's data shown on the card) so "refund pur_ebook" reads "refund Testing ebook".
 */
export function summarizeAction(draft: DraftView, action: DraftAction): ActionSummary {
  const input = action.input;
  const purchases = (draft.customer?.purchases ?? []) as unknown as PurchaseSeen[];
  const purchaseId = text(input.purchaseId);
  const purchase = purchaseId ? purchases.find((p) => p.id === purchaseId) : undefined;
  const purchaseName = purchase ? `${purchase.productName} (${purchase.id})` : purchaseId;
  const object =
    purchaseName ??
    text(input.chargeId) ??
    text(input.toEmail) ??
    text(input.newEmail) ??
    text(input.email) ??
    text(input.userId);
  const currency = purchase?.currency ?? text(input.currency);
  const amount =
    typeof input.amount === "number"
      ? currency
        ? formatMoney(input.amount, currency)
        : `${input.amount} (minor units)`
      : undefined;
  return { kind: action.action, ...(object ? { object } : {}), ...(amount ? { amount } : {}) };
}

/** One line: kind, object and amount, in the order an approver reads them. */
export function actionHeadline(summary: ActionSummary): string {
  return [summary.kind, summary.object, summary.amount].filter(Boolean).join(" · ");
}
