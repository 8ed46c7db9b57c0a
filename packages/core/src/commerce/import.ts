import type { ImportReport } from "@support/contract";
import { insertProduct, productsBySku, updateProduct as updateProductRow } from "@support/db";
import { mapHeaders, readProductRows } from "@support/decisions";
import { readCatalogTable, UnsupportedContentError } from "@support/knowledge";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import { DEFAULT_CURRENCY, productFields, rowValues } from "./products.js";

export interface CatalogueUpload {
  name: string;
  bytes: Uint8Array;
  /** Header as written → field ("price", "title:mg") for headers the aliases do not know. */
  mapping?: Record<string, string>;
  currency?: string;
  /** Report what would change (the dashboard's preview) and write nothing. */
  dryRun?: boolean;
}

const empty = (dryRun: boolean, errors: string[]): ImportReport => ({
  applied: false,
  dryRun,
  counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
  errors,
  rows: [],
});

function parseMapping(mapping: unknown): Record<string, string> {
  if (mapping === undefined) return {};
  if (typeof mapping !== "object" || mapping === null || Array.isArray(mapping)) {
    throw new AppError("invalid_input", "mapping: a JSON object from a header to a field");
  }
  const entries = Object.entries(mapping);
  if (entries.some(([, v]) => typeof v !== "string"))
    throw new AppError("invalid_input", "mapping: every field is a string");
  return Object.fromEntries(entries) as Record<string, string>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Imports a CSV or XLSX catalogue into an app; admins only. Keyed by sku: a re-import updates
 * changed products and leaves the rest. All or nothing: any rejected row or file problem means
 * nothing is written, and the report says why, line by line. Products absent from the file stay.
 */
export async function importCatalogue(
  ctx: ServiceContext,
  appRef: string,
  upload: CatalogueUpload,
): Promise<ImportReport> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const dryRun = upload.dryRun ?? false;
  const mapping = parseMapping(upload.mapping);
  let table: Awaited<ReturnType<typeof readCatalogTable>>;
  try {
    table = await readCatalogTable(upload.name, upload.bytes);
  } catch (error) {
    if (error instanceof UnsupportedContentError) return empty(dryRun, [error.message]);
    throw error;
  }
  const headers = mapHeaders(table.header, mapping);
  if (headers.errors.length > 0) return empty(dryRun, headers.errors);
  const verdicts = readProductRows(table.rows, headers, (upload.currency ?? DEFAULT_CURRENCY).toUpperCase());
  const plan = async (): Promise<ImportReport> => {
    const skus = verdicts.flatMap((v) => ("values" in v ? [v.sku] : []));
    const existing = new Map((await productsBySku(ctx.db, ctx.org.id, app.id, skus)).map((r) => [r.sku, r]));
    const report: ImportReport = empty(dryRun, []);
    for (const verdict of verdicts) {
      if ("error" in verdict) {
        report.rows.push({ line: verdict.line, sku: verdict.sku, status: "rejected", reason: verdict.error });
        continue;
      }
      const before = existing.get(verdict.sku);
      const status = !before ? "created" : same(rowValues(before), verdict.values) ? "unchanged" : "updated";
      report.rows.push({ line: verdict.line, sku: verdict.sku, status });
    }
    for (const row of report.rows) report.counts[row.status]++;
    return report;
  };
  const planned = await plan();
  if (planned.counts.rejected > 0 || planned.rows.length === 0) {
    if (planned.rows.length === 0) planned.errors.push(`${upload.name} has no product rows`);
    else planned.errors.push(`${planned.counts.rejected} row(s) rejected: nothing was imported`);
    return planned;
  }
  if (dryRun) return planned;
  await commitChange(ctx, async (tx, log) => {
    const current = new Map(
      (
        await productsBySku(
          tx,
          ctx.org.id,
          app.id,
          planned.rows.map((r) => r.sku),
        )
      ).map((r) => [r.sku, r]),
    );
    for (const verdict of verdicts) {
      if (!("values" in verdict)) continue;
      const fields = productFields(verdict.values);
      const row = current.get(verdict.sku);
      if (!row) await insertProduct(tx, ctx.org.id, app.id, fields);
      else if (!same(rowValues(row), verdict.values)) await updateProductRow(tx, ctx.org.id, row, fields);
    }
    await log.audit({
      action: "catalogue.imported",
      subject: app.id,
      data: { file: upload.name, ...planned.counts },
    });
  });
  return { ...planned, applied: true };
}
