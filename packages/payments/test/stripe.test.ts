import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StripeSignatureError } from "../src/errors.js";
import { createStripeAdapter, type StripeAdapter } from "../src/stripe.js";
import { type FakeStripe, startFakeStripe } from "./fake-stripe.js";

const WEBHOOK_SECRET = "whsec_stripe_test";
let fake: FakeStripe;
let stripe: StripeAdapter;

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = createStripeAdapter({
    secretKey: "sk_test_platform",
    clientId: "ca_test",
    webhookSecret: WEBHOOK_SECRET,
    apiBase: fake.apiBase,
  });
});
afterAll(() => fake.close());

function signed(event: object) {
  const payload = JSON.stringify(event);
  const header = new Stripe("sk_test_x").webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  return { payload, header };
}

describe("the Stripe adapter against a fake Stripe API", () => {
  it("builds the Connect authorize URL with the state, and exchanges a code for the account", async () => {
    const url = new URL(stripe.authorizeUrl("state-123", "https://support.test/stripe/oauth/callback"));
    expect(url.pathname).toBe("/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: "ca_test",
      state: "state-123",
      scope: "read_write",
    });
    expect(await stripe.exchangeCode(fake.goodCode)).toEqual({ accountId: fake.accountId });
    await expect(stripe.exchangeCode("ac_wrong")).rejects.toThrow();
  });

  it("reads a customer's charges on the connected account, and refunds once per idempotency key", async () => {
    const before = await stripe.customerPayments(fake.accountId, "ada@example.com");
    expect(before.charges).toEqual([
      expect.objectContaining({ id: "ch_course", amount: 9900, currency: "EUR", refunded: 0 }),
    ]);
    expect(await stripe.customerPayments(fake.accountId, "nobody@example.com")).toEqual({
      charges: [],
      refunds: [],
      subscriptions: [],
    });
    const first = await stripe.refund(fake.accountId, { chargeId: "ch_course", amount: 2000, idempotencyKey: "k1" });
    const again = await stripe.refund(fake.accountId, { chargeId: "ch_course", amount: 2000, idempotencyKey: "k1" });
    expect(again.id).toBe(first.id);
    expect(fake.refunds).toHaveLength(1);
    const after = await stripe.customerPayments(fake.accountId, "ada@example.com");
    expect(after.refunds).toEqual([expect.objectContaining({ id: first.id, charge: "ch_course", amount: 2000 })]);
    await expect(
      stripe.refund(fake.accountId, { chargeId: "ch_course", amount: 9000, idempotencyKey: "k2" }),
    ).rejects.toThrow(/greater than unrefunded/);
  });

  it("verifies webhooks on the raw body and narrows deauthorisations and disputes", () => {
    const deauth = signed({
      id: "evt_1",
      object: "event",
      type: "account.application.deauthorized",
      account: fake.accountId,
      data: { object: {} },
    });
    expect(stripe.parseWebhook(deauth.payload, deauth.header)).toEqual({
      kind: "deauthorized",
      eventId: "evt_1",
      accountId: fake.accountId,
    });
    const dispute = signed({
      id: "evt_2",
      object: "event",
      type: "charge.dispute.created",
      account: fake.accountId,
      data: {
        object: {
          id: "dp_1",
          object: "dispute",
          charge: "ch_course",
          amount: 9900,
          currency: "eur",
          reason: "fraudulent",
        },
      },
    });
    expect(stripe.parseWebhook(dispute.payload, dispute.header)).toMatchObject({
      kind: "dispute",
      chargeId: "ch_course",
      amount: 9900,
      currency: "EUR",
    });
    expect(() => stripe.parseWebhook(`${deauth.payload} `, deauth.header)).toThrow(StripeSignatureError);
    expect(() => stripe.parseWebhook(deauth.payload, undefined)).toThrow(StripeSignatureError);
  });
});
