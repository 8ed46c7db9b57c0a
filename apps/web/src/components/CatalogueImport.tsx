import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "../i18n/useT.js";
import { IMPORT_STATUS_LABEL, type ImportReport, shopClient } from "../lib/shop.js";
import { ErrorNote } from "./ErrorNote.js";

/**
 * A CSV/XLSX upload in two steps: the file is first sent as a dry run, its per-row report shown;
 * only a report without problems can then be applied (the import is all or nothing anyway).
 */
export function CatalogueImport({ app }: { app: string }) {
  const t = useT();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [applied, setApplied] = useState<ImportReport | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => shopClient.importCatalogue(app, file as File, dryRun),
    onSuccess: async (report) => {
      if (report.dryRun) return setPreview(report);
      setPreview(null);
      setApplied(report);
      await client.invalidateQueries({ queryKey: ["products", app] });
    },
  });
  const report = preview ?? applied;
  const clean = preview !== null && preview.errors.length === 0 && preview.counts.rejected === 0;
  return (
    <section className="card" aria-label={t("shop.import.title")}>
      <h2>{t("shop.import.title")}</h2>
      <p>{t("shop.import.hint")}</p>
      <div className="row">
        <label>
          {t("shop.import.file")}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setApplied(null);
            }}
          />
        </label>
        <button type="button" disabled={!file || run.isPending} onClick={() => run.mutate(true)}>
          {t("shop.import.preview")}
        </button>
        <button type="button" className="primary" disabled={!clean || run.isPending} onClick={() => run.mutate(false)}>
          {t("shop.import.apply")}
        </button>
      </div>
      <ErrorNote error={run.error} />
      {report && (
        <div role="status">
          <p>
            {applied
              ? t("shop.import.applied", applied.counts)
              : clean
                ? t("shop.import.previewClean", report.counts)
                : t("shop.import.previewRefused", report.counts)}
          </p>
          {report.errors.length > 0 && (
            <ul className="error" lang="en">
              {report.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
          {report.rows.length > 0 && (
            <table aria-label={t("shop.import.report")}>
              <thead>
                <tr>
                  <th>{t("shop.import.line")}</th>
                  <th>{t("shop.product.sku")}</th>
                  <th>{t("common.status")}</th>
                  <th>{t("shop.import.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={`${row.line}-${row.sku}`} className={row.status === "rejected" ? "rejected" : undefined}>
                    <td>{row.line}</td>
                    <td>{row.sku}</td>
                    <td>{t(IMPORT_STATUS_LABEL[row.status])}</td>
                    <td lang="en">{row.reason ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
