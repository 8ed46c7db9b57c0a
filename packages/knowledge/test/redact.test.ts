import { describe, expect, it } from "vitest";
import { redactPii } from "../src/index.js";

describe("redactPii", () => {
  it("removes emails, phone numbers, card numbers and street addresses", () => {
    const text =
      "I'm jane.doe+shop@example.co.uk, call +33 6 12 34 56 78 or (415) 555-0132. " +
      "Card 4242 4242 4242 4242 was charged. Ship to 221B Baker Street, or 12 rue de la Paix 75002 Paris.";
    const redacted = redactPii(text);
    expect(redacted).toBe(
      "I'm [email], call [phone] or [phone]. Card [card] was charged. Ship to [address], or [address].",
    );
  });

  it("keeps what is not personal: order numbers failing Luhn, short numbers, dates and prices", () => {
    const text = "Order 1234567890123 of 12/03/2024 (2024-03-12) cost 49.90 EUR; it ships in 3 days.";
    expect(redactPii(text)).toBe(text);
  });
});
