import { randomBytes, randomUUID } from "node:crypto";
import { type Purchase, SupportActionError, type SupportIntegration } from "@support/sdk";
import type { SamplePurchase, SampleStore } from "./store.js";

const REFUND_WINDOW_DAYS = 30;
const MAGIC_LINK_MINUTES = 15;

function toPurchase(p: SamplePurchase): Purchase {
  const status = p.refundedAmount === 0 ? "paid" : p.refundedAmount >= p.amount ? "refunded" : "partially_refunded";
  const { userId: _owner, ...fields } = p;
  return { ...fields, status };
}

/**
 * The sample app's answers to the platform. It implements the required methods and a few
 * optional ones; the rest (subscriptions, revokeAccess, updateEmail, searchContent) answer 501,
 * which is what the platform sees from most real apps.
 */
export function sampleIntegration(store: SampleStore, baseUrl = "https://sample-app.example"): SupportIntegration {
  return {
    lookupUser: (by) => {
      const user = store.findUser(by);
      return user ? { id: user.id, email: user.email, name: user.name, phone: user.phone } : null;
    },

    getPurchases: ({ userId }) => store.purchasesOf(userId).map(toPurchase),

    refund: ({ purchaseId, amount, reason }, { idempotencyKey }) => {
      // The platform retries with the same key; answering the first result keeps the refund single.
      const earlier = idempotencyKey ? store.refunds.find((r) => r.idempotencyKey === idempotencyKey) : undefined;
      const purchase = store.purchases.get(earlier?.purchaseId ?? purchaseId);
      if (!purchase) throw new SupportActionError("not_found", `no purchase ${purchaseId}`);
      if (earlier) {
        return {
          refundId: earlier.id,
          purchaseId: earlier.purchaseId,
          amount: earlier.amount,
          currency: purchase.currency,
          status: "succeeded",
        };
      }
      const remaining = purchase.amount - purchase.refundedAmount;
      const refunded = amount ?? remaining;
      if (remaining === 0) throw new SupportActionError("conflict", "this purchase is already fully refunded");
      if (refunded > remaining) {
        throw new SupportActionError("invalid_input", `at most ${remaining} can still be refunded on this purchase`);
      }
      const refund = { id: `ref_${randomUUID()}`, purchaseId, amount: refunded, reason, idempotencyKey };
      store.refunds.push(refund);
      purchase.refundedAmount += refunded;
      return { refundId: refund.id, purchaseId, amount: refunded, currency: purchase.currency, status: "succeeded" };
    },

    transferPurchase: ({ purchaseId, toEmail }) => {
      const purchase = store.purchases.get(purchaseId);
      if (!purchase) throw new SupportActionError("not_found", `no purchase ${purchaseId}`);
      const recipient = store.findUser({ email: toEmail }) ?? store.addUser({ email: toEmail, name: toEmail });
      purchase.userId = recipient.id;
      return { purchaseId, toUserId: recipient.id };
    },

    generateMagicLink: ({ email }) => {
      if (!store.findUser({ email })) throw new SupportActionError("not_found", "no account with this email");
      const expiresAt = new Date(Date.now() + MAGIC_LINK_MINUTES * 60_000).toISOString();
      return { url: `${baseUrl}/login?token=${randomBytes(24).toString("base64url")}`, expiresAt };
    },

    getRefundPolicy: () => ({
      windowDays: REFUND_WINDOW_DAYS,
      text: `Full refund within ${REFUND_WINDOW_DAYS} days of purchase, no questions asked.`,
    }),

    getAppInfo: () => ({ name: "Sample App", url: baseUrl, supportEmail: "help@sample-app.example" }),
  };
}
