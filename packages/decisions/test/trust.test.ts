import { describe, expect, it } from "vitest";
import { draftDiff, stripSignatureAndQuotes } from "../src/outcomes/draft-diff.js";
import { shadowReport } from "../src/outcomes/shadow.js";
import { trustByCategory, trustScore } from "../src/outcomes/trust.js";

const draft = `Hi Ann,

You can download your invoice from the Billing page of your account settings. Each invoice lists the
amount, the date and your company details, and you can export it as a PDF for your accountant.`;

describe("draftDiff", () => {
  it("calls an identical reply unchanged, signatures and quoted history aside", () => {
    const sent = `${draft}\n\n--\nBob from Acme\nhttps://acme.example\n\nOn Mon, 3 Nov 2026, Ann wrote:\n> where is my invoice?`;
    expect(draftDiff(draft, sent)).toEqual({ overlap: 1, outcome: "unchanged" });
  });

  it("calls a lightly changed reply edited", () => {
    const sent = draft.replace("Hi Ann", "Hello Ann").replace("for your accountant", "whenever you need it");
    const result = draftDiff(draft, sent);
    expect(result.outcome).toBe("edited");
    expect(result.overlap).toBeGreaterThan(0.5);
    expect(result.overlap).toBeLessThanOrEqual(0.95);
  });

  it("calls a different reply rewritten", () => {
    expect(
      draftDiff(draft, "Sorry Ann, invoices are emailed by our accounting team; I have asked them to resend it.")
        .outcome,
    ).toBe("rewritten");
  });

  it("computes |A∩B| / max(|A|,|B|) over lowercase tokens of 3+ characters", () => {
    // A = {the, cat, sat}, B = {the, cat, ran, off}: 2 / 4. "on" and "a" are too short to count.
    expect(draftDiff("The cat sat on a mat", "the CAT ran off").overlap).toBe(0.5);
    expect(draftDiff("The cat sat on a mat", "the CAT ran off").outcome).toBe("rewritten");
  });

  it("strips quoted lines, reply headers, signatures and sign-offs", () => {
    const text = "Thanks for waiting.\n> old text\nIt shipped today.\n\nBest regards,\nBob\nAcme Support";
    expect(stripSignatureAndQuotes(text)).toBe("Thanks for waiting.\nIt shipped today.");
    expect(stripSignatureAndQuotes("Voilà.\n\nLe lun. 3 nov. 2026, Ann a écrit :\n> Bonjour")).toBe("Voilà.");
  });
});

describe("trustScore", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  it("is the mean of outcome scores when all outcomes are fresh", () => {
    const score = trustScore(
      [
        { outcome: "unchanged", at: now },
        { outcome: "edited", at: now },
        { outcome: "rewritten", at: now },
        { outcome: "rejected", at: now },
        { outcome: "expired", at: now },
      ],
      now,
    );
    expect(score.samples).toBe(5);
    expect(score.score).toBeCloseTo(1.5 / 5, 10);
  });

  it("halves an outcome's weight every 30 days", () => {
    // Weights 1 (unchanged, today) and 0.5 (rejected, 30 days ago): (1*1 + 0.5*0) / 1.5
    const score = trustScore(
      [
        { outcome: "unchanged", at: now },
        { outcome: "rejected", at: daysAgo(30) },
      ],
      now,
    );
    expect(score.score).toBeCloseTo(2 / 3, 10);
    // 60 days: weight 0.25
    expect(
      trustScore(
        [
          { outcome: "unchanged", at: now },
          { outcome: "rejected", at: daysAgo(60) },
        ],
        now,
      ).score,
    ).toBeCloseTo(0.8, 10);
  });

  it("has no score without evidence, and ignores superseded drafts", () => {
    expect(trustScore([], now)).toEqual({ score: null, samples: 0 });
    expect(
      trustScore(
        [
          { outcome: "superseded", at: now },
          { outcome: "edited", at: now },
        ],
        now,
      ),
    ).toEqual({ score: 0.5, samples: 1 });
  });
});

describe("trustByCategory", () => {
  it("scores each category from its own outcomes", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(
      trustByCategory(
        [
          { category: "refund", outcome: "rejected", at: now },
          { category: "how_to", outcome: "unchanged", at: now },
          { category: "how_to", outcome: "edited", at: now },
        ],
        now,
      ),
    ).toEqual({ how_to: { score: 0.75, samples: 2 }, refund: { score: 0, samples: 1 } });
  });
});

describe("shadowReport", () => {
  it("measures precision and coverage of would-have-auto-sent decisions per category", () => {
    const report = shadowReport([
      { category: "how_to", wouldAutoSend: true, outcome: "unchanged" },
      { category: "how_to", wouldAutoSend: true, outcome: "unchanged" },
      { category: "how_to", wouldAutoSend: true, outcome: "edited" },
      { category: "how_to", wouldAutoSend: false, outcome: "rewritten" },
      { category: "how_to", wouldAutoSend: true, outcome: null },
      { category: "how_to", wouldAutoSend: true, outcome: "superseded" },
      { category: "billing", wouldAutoSend: false, outcome: "unchanged" },
    ]);
    expect(report.how_to).toEqual({ decided: 4, wouldAutoSend: 3, right: 2, precision: 2 / 3, coverage: 3 / 4 });
    expect(report.billing).toEqual({ decided: 1, wouldAutoSend: 0, right: 0, precision: null, coverage: 0 });
  });
});
