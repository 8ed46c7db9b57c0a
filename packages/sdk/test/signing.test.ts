import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { signPayload, verifySignature } from "../src/signing.js";

interface Vector {
  vendor: string;
  secret: string;
  headers: Record<string, string>;
  body: string;
  mustFail: { why: string; signature?: string }[];
}
const fixtures = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../../../shared/fixtures/webhook-vectors.json"), "utf8"),
) as { vectors: Vector[] };
// Stripe's scheme is the one the platform adopted, so Stripe's SDK-produced vector applies as is.
const stripe = fixtures.vectors.find((v) => v.vendor === "stripe") as Vector;
const stripeHeader = stripe.headers["stripe-signature"] ?? "";
const stripeTime = Number(/t=(\d+)/.exec(stripeHeader)?.[1]);

describe("x-support-signature", () => {
  it("verifies the Stripe SDK's vector and rejects its mustFail entries", () => {
    expect(
      verifySignature({ body: stripe.body, header: stripeHeader, secrets: [stripe.secret], now: stripeTime }).ok,
    ).toBe(true);
    for (const bad of stripe.mustFail) {
      expect(
        verifySignature({ body: stripe.body, header: bad.signature, secrets: [stripe.secret], now: stripeTime }),
        bad.why,
      ).toEqual({
        ok: false,
        reason: "no_matching_signature",
      });
    }
  });

  it("round-trips with several secrets during rotation", () => {
    const header = signPayload('{"a":1}', ["old", "new"], 1_800_000_000);
    expect(header.match(/v1=/g)).toHaveLength(2);
    for (const secrets of [["old"], ["new"], ["other", "new"]]) {
      expect(verifySignature({ body: '{"a":1}', header, secrets, now: 1_800_000_000 }).ok).toBe(true);
    }
    expect(verifySignature({ body: '{"a":2}', header, secrets: ["new"], now: 1_800_000_000 }).ok).toBe(false);
  });

  it("rejects timestamps more than five minutes away, in the past and in the future", () => {
    const header = signPayload("x", ["s"], 1_800_000_000);
    expect(verifySignature({ body: "x", header, secrets: ["s"], now: 1_800_000_300 }).ok).toBe(true);
    expect(verifySignature({ body: "x", header, secrets: ["s"], now: 1_800_000_301 })).toMatchObject({
      reason: "timestamp_out_of_range",
    });
    expect(verifySignature({ body: "x", header, secrets: ["s"], now: 1_799_999_699 })).toMatchObject({
      reason: "timestamp_out_of_range",
    });
  });

  it("calls malformed headers malformed instead of throwing", () => {
    for (const header of [
      undefined,
      "",
      "garbage",
      "t=abc,v1=00",
      `v1=${"a".repeat(64)}`,
      `t=1,t=2,v1=${"a".repeat(64)}`,
      "t=1,v1=zz",
    ]) {
      expect(verifySignature({ body: "x", header, secrets: ["s"], now: 1 })).toEqual({
        ok: false,
        reason: "malformed_header",
      });
    }
  });
});
