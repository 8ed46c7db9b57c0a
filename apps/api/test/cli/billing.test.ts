import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { skillIn } from "@support/cli/testing";
import { type FakeBilling, startFakeBilling } from "@support/payments/testing-billing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("skill billing sync", () => {
  let fake: FakeBilling;
  beforeAll(async () => {
    fake = await startFakeBilling();
  });
  afterAll(() => fake.close());

  it("publishes the plans to Stripe once, then finds them unchanged", async () => {
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), "skill-billing-")),
      STRIPE_SECRET_KEY: "sk_test_platform",
      STRIPE_BILLING_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_API_BASE: fake.apiBase,
    };
    expect((await skillIn(env, "init", "--name", "Boutique")).code).toBe(0);
    const first = await skillIn(env, "billing", "sync", "--json");
    expect(first.code).toBe(0);
    // Starter, Pro and Business; EUR and MGA each; overage prices for the two metered plans.
    expect(JSON.parse(first.stdout)).toMatchObject({ products: { created: 3 }, prices: { created: 10 } });
    expect([...fake.products.keys()].sort()).toEqual([
      "support_plan_business",
      "support_plan_pro",
      "support_plan_starter",
    ]);
    const again = await skillIn(env, "billing", "sync");
    expect(again.stdout).toContain("Products: 0 created, 0 updated, 3 unchanged.");
    expect(again.stdout).toContain("Prices: 0 created, 10 unchanged.");

    const off = await skillIn({ DATA_DIR: env.DATA_DIR }, "billing", "sync");
    expect(off.code).not.toBe(0);
    expect(off.stderr).toMatch(/Billing is off/);
  }, 60_000);
});
