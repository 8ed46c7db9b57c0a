import { extname } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { type KnowledgeDocument, UnsupportedContentError } from "./documents.js";
import { htmlFragmentToMarkdown, htmlToMarkdown } from "./html.js";

export const SUPPORTED_EXTENSIONS = [".md", ".markdown", ".txt", ".html", ".htm", ".pdf", ".docx", ".csv"] as const;

function baseTitle(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.slice(0, base.length - extname(base).length) || base;
}

function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new UnsupportedContentError(`${name} is not a text file`);
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

function markdownDocument(name: string, markdown: string, title?: string): KnowledgeDocument[] {
  if (!markdown.trim()) throw new UnsupportedContentError(`${name} has no text`);
  const heading = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
  return [{ format: "markdown", title: title || heading || baseTitle(name), url: null, markdown }];
}

async function parsePdf(bytes: Uint8Array, name: string): Promise<KnowledgeDocument[]> {
  // Loaded on first use (outside the try: a missing module is not an unreadable file): PDF and
  // DOCX support is large and most processes never parse either.
  const { extractText, getDocumentProxy } = await import("unpdf");
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text as string[];
  } catch (error) {
    const kind = (error as { name?: string }).name;
    if (kind === "PasswordException")
      throw new UnsupportedContentError(`${name} is an encrypted PDF: remove the password first`);
    throw new UnsupportedContentError(`${name} is not a readable PDF`);
  }
  // A page break is a paragraph break; scanned PDFs (images only) come out empty.
  const text = pages
    .map((p) => p.trim())
    .filter(Boolean)
    .join("\n\n");
  if (!text) throw new UnsupportedContentError(`${name} has no extractable text (a scanned PDF needs OCR first)`);
  return markdownDocument(name, text);
}

async function parseDocx(bytes: Uint8Array, name: string): Promise<KnowledgeDocument[]> {
  const { default: mammoth } = await import("mammoth");
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new UnsupportedContentError(`${name} is not a readable DOCX file`);
  }
  return markdownDocument(name, htmlFragmentToMarkdown(html));
}

const QUESTION_COLUMNS = ["question", "q", "title", "prompt"];
const ANSWER_COLUMNS = ["answer", "a", "response", "body", "reply"];

/** Q/A CSV: columns named question/answer (or q/a ...), otherwise the first two columns. */
function parseQaCsv(bytes: Uint8Array, name: string): KnowledgeDocument[] {
  let rows: string[][];
  try {
    rows = parseCsv(decodeText(bytes, name), { relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw new UnsupportedContentError(`${name} is not valid CSV: ${(error as Error).message.split("\n")[0]}`);
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  let q = header.findIndex((h) => QUESTION_COLUMNS.includes(h));
  let a = header.findIndex((h) => ANSWER_COLUMNS.includes(h));
  const hasHeader = q >= 0 && a >= 0;
  if (!hasHeader) [q, a] = [0, 1];
  const pairs = rows
    .slice(hasHeader ? 1 : 0)
    .map((row) => ({ question: (row[q] ?? "").trim(), answer: (row[a] ?? "").trim() }))
    .filter((p) => p.question && p.answer);
  if (pairs.length === 0) throw new UnsupportedContentError(`${name} has no question/answer rows`);
  return [{ format: "qa", title: baseTitle(name), url: null, pairs }];
}

/** Turns an uploaded file into documents, or says in one sentence why it cannot. */
export async function parseFile(name: string, bytes: Uint8Array): Promise<KnowledgeDocument[]> {
  const ext = extname(name).toLowerCase();
  switch (ext) {
    case ".md":
    case ".markdown":
    case ".txt":
      return markdownDocument(name, decodeText(bytes, name));
    case ".html":
    case ".htm": {
      const page = htmlToMarkdown(decodeText(bytes, name));
      return markdownDocument(name, page.markdown, page.title);
    }
    case ".pdf":
      return parsePdf(bytes, name);
    case ".docx":
      return parseDocx(bytes, name);
    case ".csv":
      return parseQaCsv(bytes, name);
    default:
      throw new UnsupportedContentError(
        `${name}: unsupported file type "${ext || "(none)"}" (supported: ${SUPPORTED_EXTENSIONS.join(", ")})`,
      );
  }
}
