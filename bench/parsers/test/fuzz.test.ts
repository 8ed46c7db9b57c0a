/**
 * Every parser of untrusted text against every adversarial shape at 1 MiB (ADR 0102). It asserts
 * what comes out, never how long it took (bench/parsers/run.ts times them): a backtracking parser
 * fails here by running past the test timeout, a recursive one by overflowing the stack.
 */
import { HtmlTooLargeError } from "@support/knowledge";
import { afterAll, describe, expect, it } from "vitest";
import { MIB, SHAPES } from "../inputs.js";
import { PARSERS } from "../parsers.js";

let runs = 0;
afterAll(() => {
  console.log(`parser fuzz: ${runs} runs (${PARSERS.length} parsers × ${SHAPES.length} shapes) at ${MIB} chars`);
});

/** Compares without printing a mebibyte when it fails. */
const same = (actual: unknown, expected: unknown) =>
  expect(actual === expected, `${String(actual).slice(0, 80)}… ≠ ${String(expected).slice(0, 80)}…`).toBe(true);

/** What each shape must give, for the parsers where the answer is exact. */
const exact: Record<string, Record<string, (result: unknown, input: string) => void>> = {
  "channels stripHtml": {
    "closed tags": (r, input) => same(r, "x".repeat(input.length / 8)),
    "unclosed script": (r) => same(r, ""),
    entities: (r) => expect(String(r).startsWith("&&#&")).toBe(true),
    newlines: (r) => same(r, ""),
  },
  "channels parseAddress": {
    "angle address": (r) => expect(r).toEqual({}),
    "local parts": (r) => expect(r).toEqual({}),
    "dotted domain": (r, input) => expect(r).toEqual({ email: input.trim() }),
  },
  "channels stripQuotedReply": {
    // "On wrote: … wrote: x" does not end in "wrote:": not an attribution, kept whole.
    "attribution line": (r, input) => same(r, input),
    "closed tags": (r, input) => same(r, input),
  },
  "channels parseZendesk (trigger)": {
    "closed tags": (r, input) =>
      same((r as { messages: { text: string }[] }).messages[0]?.text, "x".repeat(input.length / 8)),
  },
  "knowledge htmlToMarkdown": {
    "nested divs": (r) => expect(r).toBeInstanceOf(HtmlTooLargeError),
    "closed tags": (r) => expect(r).toBeInstanceOf(HtmlTooLargeError),
  },
  "knowledge redactPii": {
    "local parts": (r, input) => same(r, input),
    "at signs": (r, input) => same(r, input),
    // Single digits are not a phone number: the text comes back as it went in.
    "digit groups": (r, input) => same(r, input),
  },
  "knowledge chunkMarkdown": {
    // A heading with nothing under it makes no chunk; the text after the heading is one.
    heading: (r) => expect(r).toEqual([]),
    "closed tags": (r) => expect((r as unknown[]).length).toBeGreaterThan(1),
  },
};

/** Refusals the knowledge converters give on purpose; any other throw fails the run. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (error instanceof HtmlTooLargeError) return error;
    throw error;
  }
}

describe.each(PARSERS)("$name", (parser) => {
  it.each(SHAPES)("answers on $name", { timeout: 60_000 }, (shape) => {
    const input = shape.make(MIB);
    const result = outcome(() => parser.run(input));
    runs++;
    expect(result).toBeDefined();
    if (typeof result === "string") expect(result.length).toBeLessThanOrEqual(input.length);
    exact[parser.name]?.[shape.name]?.(result, input);
  });
});
