import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AppPicker } from "../components/AppPicker.js";
import { CategoriesEditor } from "../components/CategoriesEditor.js";
import { EmptyState } from "../components/EmptyState.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { Link } from "../components/Link.js";
import { ProcedureEditor } from "../components/ProcedureEditor.js";
import { ProcedureTry } from "../components/ProcedureTry.js";
import { useApps } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import { PROCEDURE_TEMPLATES, type ProcedureView, proceduresClient } from "../lib/procedures.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

type Panel = { kind: "edit"; procedure: ProcedureView | null } | { kind: "try"; key: string } | null;

/**
 * An app's procedures (ADR 0110): the live ones, a YAML/JSON editor, the built-in templates,
 * removal, a shadow-mode "Try it", and the app's own categories the triggers name.
 */
export function ProceduresPage({ app, role }: { app: string | undefined; role: Role | null }) {
  const t = useT();
  const client = useQueryClient();
  const apps = useApps();
  const list = apps.data?.data ?? [];
  const current = app ?? list[0]?.slug;
  const [panel, setPanel] = useState<Panel>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const procedures = useQuery({
    queryKey: ["procedures", current],
    queryFn: () => proceduresClient.list(current ?? ""),
    enabled: Boolean(current),
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ["procedures", current] });
    void client.invalidateQueries({ queryKey: ["categories", current] });
  };
  const addTemplate = useMutation({
    mutationFn: (template: string) => proceduresClient.save(current ?? "", { template }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (key: string) => proceduresClient.remove(current ?? "", key),
    onSuccess: refresh,
  });
  const open = useMutation({
    mutationFn: (key: string) => proceduresClient.show(current ?? "", key),
    onSuccess: (procedure) => setPanel({ kind: "edit", procedure }),
  });
  if (!current) {
    return (
      <EmptyState title={t("common.noAppYet")}>
        <p>{t.rich("procedures.noApp", { link: (chunks) => <Link to="/apps">{chunks}</Link> })}</p>
      </EmptyState>
    );
  }
  const admin = roleAtLeast(role, "admin");
  const rows = procedures.data?.data ?? [];
  return (
    <>
      <h1>{t("procedures.title")}</h1>
      <AppPicker apps={list} current={current} />
      <ErrorNote error={procedures.error ?? addTemplate.error ?? remove.error ?? open.error} />
      {rows.length === 0 ? (
        <p>{t("procedures.empty")}</p>
      ) : (
        <table>
          <caption className="sr-only">{t("procedures.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("procedures.column.name")}</th>
              <th scope="col">{t("procedures.column.trigger")}</th>
              <th scope="col">{t("procedures.column.version")}</th>
              <th scope="col">{t("procedures.column.active")}</th>
              <th scope="col">
                <span className="sr-only">{t("procedures.column.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.key}>
                <th scope="row">
                  {p.name} <code>{p.key}</code>
                </th>
                <td>{p.triggerCategory}</td>
                <td>{p.version}</td>
                <td>{t("procedures.active")}</td>
                <td className="row">
                  <button type="button" onClick={() => setPanel({ kind: "try", key: p.key })}>
                    {t("procedures.try.open", { name: p.name })}
                  </button>
                  {admin && (
                    <>
                      <button type="button" onClick={() => open.mutate(p.key)}>
                        {t("procedures.edit", { name: p.name })}
                      </button>
                      {confirming === p.key ? (
                        <button type="button" className="danger" onClick={() => remove.mutate(p.key)}>
                          {t("procedures.confirmRemove", { name: p.name })}
                        </button>
                      ) : (
                        <button type="button" onClick={() => setConfirming(p.key)}>
                          {t("procedures.remove", { name: p.name })}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <div className="toolbar">
          <button type="button" onClick={() => setPanel({ kind: "edit", procedure: null })}>
            {t("procedures.new")}
          </button>
          {PROCEDURE_TEMPLATES.map((template) => (
            <button
              key={template}
              type="button"
              onClick={() => addTemplate.mutate(template)}
              disabled={addTemplate.isPending}
            >
              {t("procedures.addTemplate", { template })}
            </button>
          ))}
        </div>
      )}
      {panel?.kind === "edit" && (
        <ProcedureEditor
          key={panel.procedure?.id ?? "new"}
          app={current}
          procedure={panel.procedure}
          onDone={() => setPanel(null)}
        />
      )}
      {panel?.kind === "try" && <ProcedureTry key={panel.key} app={current} procedureKey={panel.key} />}
      <CategoriesEditor app={current} canEdit={admin} />
    </>
  );
}
