import { createHash } from "node:crypto";

export interface Chunk {
  /** Stable: a hash of the source, title and text, so a re-sync finds unchanged chunks again. */
  id: string;
  ordinal: number;
  /** The document title and heading path, e.g. "Billing > Refunds > Annual plans". */
  title: string;
  text: string;
}

export interface ChunkingOptions {
  maxChars: number;
  /** Up to this much of the end of one chunk starts the next one within a section. */
  overlapChars: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = { maxChars: 1200, overlapChars: 200 };

interface Section {
  path: string[];
  blocks: string[];
}

const FENCE = /^\s*(```|~~~)/;
const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+/;

/**
 * An ATX heading (`## Title ##`) read by index: the lazy-quantifier regex it replaces was
 * quadratic on a long line of spaces (ADR 0102). A closing run of `#` counts only after a space.
 */
function parseHeading(line: string): { level: number; title: string } | undefined {
  let level = 0;
  while (level < line.length && line[level] === "#") level++;
  if (level < 1 || level > 6 || !/\s/.test(line[level] ?? "")) return undefined;
  let title = line.slice(level).trim();
  let end = title.length;
  while (end > 0 && title[end - 1] === "#") end--;
  if (end === 0 || /\s/.test(title[end - 1] as string)) title = title.slice(0, end).trim();
  return title ? { level, title } : undefined;
}

/** Splits Markdown into sections (by heading) of blocks: paragraphs, whole lists, tables, code. */
function sections(markdown: string): Section[] {
  const out: Section[] = [{ path: [], blocks: [] }];
  let levels: (string | undefined)[] = [];
  let block: string[] = [];
  let kind: "text" | "list" | "table" | null = null;
  const current = () => out[out.length - 1] as Section;
  const flush = () => {
    const text = block.join("\n").trim();
    if (text) current().blocks.push(text);
    block = [];
    kind = null;
  };
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heading = parseHeading(line);
    if (heading) {
      flush();
      // Indexed by level, so "## A" then "## B" are siblings even without a "# " above them.
      const { level, title } = heading;
      levels = levels.slice(0, level - 1);
      levels[level - 1] = title;
      out.push({ path: levels.filter((h): h is string => Boolean(h)), blocks: [] });
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const code = [line];
      while (++i < lines.length) {
        code.push(lines[i] as string);
        if ((lines[i] as string).trim().startsWith(fence[1] as string)) break;
      }
      current().blocks.push(code.join("\n"));
      continue;
    }
    if (!line.trim()) {
      // A blank line inside a list keeps the list together when the list goes on after it.
      if (kind === "list" && (LIST_ITEM.test(lines[i + 1] ?? "") || /^\s+\S/.test(lines[i + 1] ?? ""))) {
        block.push("");
        continue;
      }
      flush();
      continue;
    }
    const lineKind: "text" | "list" | "table" = LIST_ITEM.test(line)
      ? "list"
      : line.trim().startsWith("|")
        ? "table"
        : kind === "list" && /^\s+/.test(line)
          ? "list"
          : "text";
    if (kind !== null && lineKind !== kind) flush();
    kind = lineKind;
    block.push(line);
  }
  flush();
  return out.filter((s) => s.blocks.length > 0);
}

/** Cuts an oversized block at sentence (or line) boundaries, hard-cutting only what must be. */
function splitBlock(block: string, max: number): string[] {
  if (block.length <= max) return [block];
  const pieces = FENCE.test(block) ? block.split("\n") : block.split(/(?<=[.!?])\s+|\n+/);
  const out: string[] = [];
  let current = "";
  for (const piece of pieces) {
    for (let start = 0; start < piece.length; start += max) {
      const part = piece.slice(start, start + max);
      if (current && current.length + part.length + 1 > max) {
        out.push(current);
        current = "";
      }
      current = current ? `${current}${FENCE.test(block) ? "\n" : " "}${part}` : part;
    }
  }
  if (current) out.push(current);
  return out;
}

function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(-max);
  const sentence = cut.search(/(?<=[.!?])\s+\S/);
  if (sentence >= 0) return cut.slice(sentence).trim();
  const space = cut.indexOf(" ");
  return space >= 0 ? cut.slice(space + 1) : cut;
}

export function chunkId(sourceId: string, title: string, text: string, occurrence = 0): string {
  const hash = createHash("sha256").update(`${sourceId}\n${title}\n${text}\n${occurrence}`).digest("hex");
  return `chk_${hash.slice(0, 32)}`;
}

function withIds(sourceId: string, parts: { title: string; text: string }[]): Chunk[] {
  const seen = new Map<string, number>();
  return parts.map((part, ordinal) => {
    const key = `${part.title}\n${part.text}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return { id: chunkId(sourceId, part.title, part.text, occurrence), ordinal, ...part };
  });
}

/**
 * Structure-following chunking: a chunk never spans two sections, lists, tables and code blocks
 * stay whole when they fit, and consecutive chunks of one section share a little text so an
 * answer that straddles the cut is still found.
 */
export function chunkMarkdown(
  sourceId: string,
  docTitle: string,
  markdown: string,
  options: ChunkingOptions = DEFAULT_CHUNKING,
): Chunk[] {
  const parts: { title: string; text: string }[] = [];
  for (const section of sections(markdown)) {
    const path = section.path[0] === docTitle ? section.path.slice(1) : section.path;
    const title = [docTitle, ...path].filter(Boolean).join(" > ");
    let current = "";
    let last = "";
    const emit = () => {
      if (current.trim()) parts.push({ title, text: current.trim() });
      last = current;
      current = "";
    };
    for (const block of section.blocks.flatMap((b) => splitBlock(b, options.maxChars - options.overlapChars))) {
      if (current && current.length + block.length + 2 > options.maxChars) {
        emit();
        const overlap = options.overlapChars > 0 ? tail(last, options.overlapChars) : "";
        if (overlap && overlap.length + block.length + 2 <= options.maxChars) current = overlap;
      }
      current = current ? `${current}\n\n${block}` : block;
    }
    emit();
  }
  return withIds(sourceId, parts);
}

/** Question/answer pairs (FAQ CSVs, canned responses) are one chunk each: the question is the title. */
export function chunkQuestionAnswers(sourceId: string, pairs: { question: string; answer: string }[]): Chunk[] {
  return withIds(
    sourceId,
    pairs
      .filter((p) => p.question.trim() && p.answer.trim())
      .map((p) => ({ title: p.question.trim(), text: p.answer.trim() })),
  );
}
