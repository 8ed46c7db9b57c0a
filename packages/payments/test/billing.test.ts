import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBillingAdapter } from "../src/billing.js";
import { StripeSignatureError } from "../src/errors.js";
import { type FakeBilling, startFakeBilling } from "./fake-stripe-billing.js";

let fake: FakeBilling;
let billing: ReturnType<typeof createBillingAdapter>;

const catalogue = (amount: number) => [
  {
    id: "support_plan_pro",
    name: "Pro",
    prices: [
      { lookupKey: "support_pro_eur_monthly", currency: "EUR", unitAmount: amount, usage: "licensed" as const },
      { lookupKey: "support_pro_eur_overage", currency: "EUR", unitAmount: 3, usage: "metered" as const },
    ],
  },
];

beforeAll(async () => {
  fake = await startFakeBilling();
  billing = createBillingAdapter({
    secretKey: "sk_test_platform",
    webhookSecret: fake.webhookSecret,
    apiBase: fake.apiBase,
  });
});
afterAll(() => fake.close());

describe("Stripe Billing adapter (official SDK against a fake on 127.0.0.1)", () => {
  it("syncs the catalogue idempotently, and a changed amount moves the lookup key to a new price", async () => {
    const first = await billing.syncCatalogue(catalogue(7900));
    expect(first).toMatchObject({ products: { created: 1 }, prices: { created: 2 }, meter: { created: true } });
    const again = await billing.syncCatalogue(catalogue(7900));
    expect(again).toMatchObject({ products: { created: 0, unchanged: 1 }, prices: { created: 0, unchanged: 2 } });
    expect(again.meter).toEqual({ id: first.meter.id, created: false });
    const repriced = await billing.syncCatalogue(catalogue(8900));
    expect(repriced.prices).toEqual({ created: 1, unchanged: 1 });
    const holders = fake.prices.filter((p) => p.lookup_key === "support_pro_eur_monthly");
    expect(holders.map((p) => p.unit_amount)).toEqual([8900]);
  });

  it("creates one customer per organization, a Checkout session and a portal session", async () => {
    const customer = await billing.createCustomer({ orgId: "org_1", name: "Acme" });
    expect(await billing.createCustomer({ orgId: "org_1", name: "Acme" })).toBe(customer);
    const session = await billing.checkoutSession({
      customerId: customer,
      orgId: "org_1",
      lookupKey: "support_pro_eur_monthly",
      overageLookupKey: "support_pro_eur_overage",
      successUrl: "http://x/ok",
      cancelUrl: "http://x/no",
    });
    expect(session.url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(fake.sessions.get(session.id)?.prices).toHaveLength(2);
    await expect(
      billing.checkoutSession({
        customerId: customer,
        orgId: "org_1",
        lookupKey: "nope",
        successUrl: "http://x",
        cancelUrl: "http://x",
      }),
    ).rejects.toThrow(/skill billing sync/);
    expect((await billing.portalSession({ customerId: customer, returnUrl: "http://x" })).url).toContain(customer);

    const [completed, created] = fake.completeCheckout(session.id);
    expect(billing.parseWebhook(completed?.payload ?? "", completed?.signature)).toMatchObject({
      kind: "checkout",
      customerId: customer,
      orgId: "org_1",
    });
    expect(billing.parseWebhook(created?.payload ?? "", created?.signature)).toMatchObject({
      kind: "subscription",
      status: "active",
      lookupKey: "support_pro_eur_monthly",
      currency: "EUR",
      orgId: "org_1",
    });
  });

  it("refuses a webhook whose signature does not verify over the raw bytes", () => {
    const [event] = fake.completeCheckout([...fake.sessions.keys()][0] as string);
    const tampered = (event?.payload ?? "").replace("org_1", "org_2");
    expect(() => billing.parseWebhook(tampered, event?.signature)).toThrow(StripeSignatureError);
    expect(() => billing.parseWebhook(event?.payload ?? "", undefined)).toThrow(StripeSignatureError);
  });

  it("reports overage to the meter once per identifier", async () => {
    const customer = [...fake.customers.keys()][0] as string;
    await billing.reportOverage({ customerId: customer, identifier: "drf_1", at: new Date() });
    await billing.reportOverage({ customerId: customer, identifier: "drf_1", at: new Date() });
    expect([...fake.meterEvents.values()]).toEqual([{ customer, value: 1 }]);
  });
});
