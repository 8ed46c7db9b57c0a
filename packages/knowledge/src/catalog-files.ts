import { extname } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { UnsupportedContentError } from "./documents.js";

/**
 * Reads a shop's product file (CSV or XLSX) into a table of strings: the first row is the header.
 * Mapping headers to product fields and checking values is the caller's job; this only refuses
 * what is not a readable table, with a message a shop owner can act on.
 */

export const CATALOG_EXTENSIONS = [".csv", ".xlsx"] as const;
export const CATALOG_MAX_BYTES = 5 * 1024 * 1024;
export const CATALOG_MAX_ROWS = 20_000;

export interface CatalogTable {
  header: string[];
  /** Data rows, each as long as the header (missing cells are ""). */
  rows: string[][];
}

// Spreadsheets saved in French put ";" between cells; pick the separator the header line uses most.
function delimiterOf(text: string): string {
  const end = text.indexOf("\n");
  const line = end === -1 ? text : text.slice(0, end);
  const counts = [",", ";", "\t"].map((d) => [d, line.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(bytes: Uint8Array, name: string): string[][] {
  if (bytes.includes(0)) throw new UnsupportedContentError(`${name} is not a text file`);
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  try {
    return parseCsv(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: 64 * 1024,
    }) as string[][];
  } catch (error) {
    throw new UnsupportedContentError(`${name}: not a readable CSV (${(error as Error).message})`);
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

async function readXlsx(bytes: Uint8Array, name: string): Promise<string[][]> {
  try {
    // Loaded on first use (an XLSX import), not by every process that loads the knowledge package.
    const { readSheet } = await import("read-excel-file/node");
    const sheet = await readSheet(Buffer.from(bytes));
    return sheet.map((row) => row.map(cellText)).filter((row) => row.some((cell) => cell !== ""));
  } catch {
    throw new UnsupportedContentError(`${name}: not a readable XLSX workbook`);
  }
}

/** Reads the first sheet of an XLSX file or a whole CSV file; refuses files over the limits. */
export async function readCatalogTable(
  name: string,
  bytes: Uint8Array,
  limits: { maxBytes?: number; maxRows?: number } = {},
): Promise<CatalogTable> {
  const maxBytes = limits.maxBytes ?? CATALOG_MAX_BYTES;
  const maxRows = limits.maxRows ?? CATALOG_MAX_ROWS;
  if (bytes.byteLength > maxBytes) {
    throw new UnsupportedContentError(
      `${name} is ${bytes.byteLength} bytes; the limit is ${maxBytes} bytes (split the catalogue into several files)`,
    );
  }
  const ext = extname(name).toLowerCase();
  let table: string[][];
  if (ext === ".csv") table = readCsv(bytes, name);
  else if (ext === ".xlsx") table = await readXlsx(bytes, name);
  else {
    throw new UnsupportedContentError(
      `${name}: unsupported file type "${ext || "(none)"}" (supported: ${CATALOG_EXTENSIONS.join(", ")})`,
    );
  }
  const [header, ...rows] = table;
  if (!header || header.every((cell) => cell === "")) throw new UnsupportedContentError(`${name} has no header row`);
  if (rows.length > maxRows) {
    throw new UnsupportedContentError(`${name} has ${rows.length} rows; the limit is ${maxRows}`);
  }
  return {
    header: header.map((cell) => cell.trim()),
    rows: rows.map((row) => header.map((_, i) => row[i] ?? "")),
  };
}
