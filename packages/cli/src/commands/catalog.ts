import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { ImportReport, ProductView } from "@support/contract";
import type { Invocation } from "../args.js";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

export interface CatalogUpload {
  name: string;
  bytes: Uint8Array;
  mapping?: Record<string, string>;
  currency?: string;
  dryRun: boolean;
}

/** A shop's catalogue, on the local DATA_DIR or on a server. */
export interface CatalogBackend {
  import(app: string, upload: CatalogUpload): Promise<ImportReport>;
  list(app: string, q?: string): Promise<{ data: ProductView[] }>;
}

export function remoteCatalog(api: RemoteApi): CatalogBackend {
  const base = (app: string) => `/api/v1/apps/${encodeURIComponent(app)}/products`;
  return {
    import: (app, upload) => {
      const form = new FormData();
      form.set("file", new File([new Uint8Array(upload.bytes)], upload.name));
      if (upload.mapping) form.set("mapping", JSON.stringify(upload.mapping));
      if (upload.currency) form.set("currency", upload.currency);
      form.set("dryRun", String(upload.dryRun));
      return api.request("POST", `${base(app)}/import`, form, { timeoutMs: 120_000 });
    },
    list: (app, q) => api.request("GET", q ? `${base(app)}?q=${encodeURIComponent(q)}` : base(app)),
  };
}

function mappingOf(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    throw new CliError('--mapping takes a JSON object, e.g. \'{"Prix TTC": "price"}\'');
  }
}

function reportLines(file: string, report: ImportReport): string[] {
  const { created, updated, unchanged } = report.counts;
  const head = report.applied
    ? `Imported ${file}: ${created} created, ${updated} updated, ${unchanged} unchanged.`
    : report.dryRun && report.errors.length === 0
      ? `Preview of ${file} (nothing written): ${created} to create, ${updated} to update, ${unchanged} unchanged.`
      : `Nothing imported from ${file}:`;
  return [
    head,
    ...report.errors.map((e) => `  ${e}`),
    ...report.rows
      .filter((r) => r.status === "rejected")
      .map((r) => `  line ${r.line} (${r.sku || "no sku"}): ${r.reason}`),
  ];
}

/** `skill catalog import <file> --app <app> [--dry-run] [--currency MGA] [--mapping '{…}']` and `catalog list`. */
export async function catalogCommand(backend: CatalogBackend, inv: Invocation, out: Output) {
  const { sub, arg, values } = inv;
  if (!values.app) throw new CliError(`catalog ${sub ?? "import|list"} needs --app <app>`);
  if (sub === "import") {
    if (!arg) throw new CliError("catalog import needs the CSV or XLSX file");
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(arg));
    } catch {
      throw new CliError(`cannot read ${arg}`);
    }
    const report = await backend.import(values.app, {
      name: basename(arg),
      bytes,
      mapping: mappingOf(values.mapping),
      currency: values.currency,
      dryRun: values["dry-run"] ?? false,
    });
    if (report.errors.length > 0) out.fail();
    return out.result(report, () => reportLines(basename(arg), report));
  }
  if (sub === "list") {
    const products = await backend.list(values.app, values.q);
    return out.result(products, () =>
      products.data.length === 0
        ? ["No products."]
        : products.data.map(
            (p) => `${p.sku}  ${p.title}  ${p.priceText}${p.stock === null ? "" : `  stock ${p.stock}`}`,
          ),
    );
  }
  throw new CliError("usage: skill catalog import <file> --app <app> | catalog list --app <app> [--q <words>]");
}
