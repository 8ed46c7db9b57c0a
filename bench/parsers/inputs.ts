/**
 * Adversarial inputs for every parser of untrusted text, shared by the fuzz suite (which asserts
 * what comes out) and the benchmark (which times it). Each shape targets a backtracking pattern
 * a regex-based parser would fall into: unclosed tags, long runs without the expected terminator,
 * separators that can be split many ways.
 */
export const MIB = 1 << 20;

export interface Shape {
  name: string;
  make(size: number): string;
}

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

export const SHAPES: Shape[] = [
  { name: "unclosed tags", make: (n) => fill("<a", n) },
  { name: "unclosed script", make: (n) => fill("<script>", n) },
  { name: "one tag never closed", make: (n) => `<div title="${fill("x", n - 16)}` },
  { name: "nested divs", make: (n) => fill("<div>", n) },
  { name: "closed tags", make: (n) => fill("<b>x</b>", n) },
  { name: "entities", make: (n) => fill("&amp;&#", n) },
  { name: "comments", make: (n) => fill("<!--", n) },
  { name: "angle address", make: (n) => `"${fill("a", n - 20)} <` },
  { name: "quotes and brackets", make: (n) => fill('"<', n) },
  { name: "attribution line", make: (n) => `On ${fill("wrote: ", n - 4)}x` },
  { name: "heading", make: (n) => `# a${fill(" ", n - 4)}x` },
  { name: "local parts", make: (n) => fill("a", n) },
  { name: "dotted domain", make: (n) => `a@${fill("a.", n - 2)}` },
  { name: "at signs", make: (n) => fill("a@", n) },
  { name: "digit groups", make: (n) => fill("1 ", n) },
  { name: "newlines", make: (n) => fill("\n", n) },
  { name: "whitespace", make: (n) => fill(" \t", n) },
];
