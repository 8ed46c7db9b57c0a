import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { actions, describeIntegration, SDK_VERSION } from "../src/index.js";
import { sampleIntegration } from "./servers.js";

describe("the app-side contract", () => {
  it("reports the SDK version of package.json", () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, "../package.json"), "utf8")) as {
      version: string;
    };
    expect(SDK_VERSION).toBe(pkg.version);
  });

  it("describes exactly the methods an integration implements", () => {
    expect(describeIntegration(sampleIntegration().integration)).toEqual({
      sdkVersion: SDK_VERSION,
      capabilities: ["lookupUser", "getPurchases", "refund"],
    });
  });

  it("requires an email or a phone to look a user up", () => {
    expect(actions.lookupUser.input.safeParse({}).success).toBe(false);
    expect(actions.lookupUser.input.safeParse({ phone: "+261340000000" }).success).toBe(true);
    expect(actions.lookupUser.input.safeParse({ email: "not-an-email" }).success).toBe(false);
  });

  it("normalises currencies and refuses negative or fractional money", () => {
    const base = { id: "p", productName: "x", purchasedAt: "2026-01-01T00:00:00Z", status: "paid" };
    expect(actions.getPurchases.output.parse([{ ...base, amount: 100, currency: "usd" }])[0]?.currency).toBe("USD");
    expect(actions.getPurchases.output.safeParse([{ ...base, amount: -1, currency: "USD" }]).success).toBe(false);
    expect(actions.getPurchases.output.safeParse([{ ...base, amount: 1.5, currency: "USD" }]).success).toBe(false);
  });
});
