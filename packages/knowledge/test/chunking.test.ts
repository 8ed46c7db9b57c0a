import { describe, expect, it } from "vitest";
import { chunkMarkdown, chunkQuestionAnswers } from "../src/index.js";

const guide = `# Billing

Intro to billing.

## Refunds

Refunds are issued within 5 days.

- step one
- step two

  continued
- step three

\`\`\`sh
skill refund --id 1

skill refund --id 2
\`\`\`

## Invoices

Invoices are monthly.
`;

describe("chunking", () => {
  it("follows headings, keeps lists and code blocks whole and titles chunks with the heading path", () => {
    const chunks = chunkMarkdown("src_1", "Guide", guide);
    expect(chunks.map((c) => c.title)).toEqual([
      "Guide > Billing",
      "Guide > Billing > Refunds",
      "Guide > Billing > Invoices",
    ]);
    const refunds = chunks[1]?.text ?? "";
    expect(refunds).toContain("- step one\n- step two\n\n  continued\n- step three");
    expect(refunds).toContain("skill refund --id 1\n\nskill refund --id 2");
  });

  it("treats headings of the same level as siblings even without a top heading", () => {
    const chunks = chunkMarkdown("s", "Doc", "## A\n\nalpha\n\n### A1\n\ndeep\n\n## B\n\nbeta");
    expect(chunks.map((c) => c.title)).toEqual(["Doc > A", "Doc > A > A1", "Doc > B"]);
  });

  it("gives stable content-hash ids: same input, same ids; a changed section changes only its id", () => {
    const before = chunkMarkdown("src_1", "Guide", guide);
    const after = chunkMarkdown("src_1", "Guide", guide.replace("monthly", "yearly"));
    expect(chunkMarkdown("src_1", "Guide", guide).map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after.map((c) => c.id).filter((id) => before.some((b) => b.id === id))).toHaveLength(2);
    expect(chunkMarkdown("src_2", "Guide", guide)[0]?.id).not.toBe(before[0]?.id);
  });

  it("splits long sections under the size limit with a small overlap", () => {
    const sentences = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} talks about topic ${i}.`).join(" ");
    const chunks = chunkMarkdown("src_1", "Long", sentences, { maxChars: 400, overlapChars: 80 });
    expect(chunks.length).toBeGreaterThan(4);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(400);
    const overlap = chunks[1]?.text.split("\n\n")[0] ?? "";
    expect(overlap.length).toBeGreaterThan(0);
    expect(overlap.length).toBeLessThanOrEqual(80);
    expect(chunks[0]?.text.endsWith(overlap)).toBe(true);
  });

  it("makes one chunk per question/answer pair and skips empty ones; duplicates still get distinct ids", () => {
    const chunks = chunkQuestionAnswers("src_q", [
      { question: "How to reset?", answer: "Use the link." },
      { question: " ", answer: "orphan" },
      { question: "How to reset?", answer: "Use the link." },
    ]);
    expect(chunks.map((c) => c.title)).toEqual(["How to reset?", "How to reset?"]);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(2);
  });
});
