import type { WidgetConfigChange, WidgetConfigView, WidgetSecretView } from "@support/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { AppPicker } from "../components/AppPicker.js";
import { CopyField } from "../components/CopyField.js";
import { EmptyState } from "../components/EmptyState.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { Link } from "../components/Link.js";
import { useApps } from "../hooks/useData.js";
import type { MessageId } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import type { SupportApp } from "../lib/types.js";
import { type PlanRow, TIERS, widgetConfigChange, withOrigin } from "../lib/widget-form.js";

const TIER_LABEL: Record<(typeof TIERS)[number], MessageId> = {
  suggest: "widget.tier.suggest",
  one_click: "widget.tier.one_click",
  auto_send: "widget.tier.auto_send",
};

/** `/chat-widget?app=slug`: the chat widget's snippet, origins, plan tiers, secret and preview (admins). */
export function WidgetPage({ app }: { app: string | undefined }) {
  const t = useT();
  const apps = useApps();
  const list = apps.data?.data ?? [];
  const current = list.find((a) => a.slug === app) ?? list[0];
  return (
    <>
      <h1>{t("widget.title")}</h1>
      {apps.isPending ? (
        <p>{t("common.loading")}</p>
      ) : current ? (
        <>
          <AppPicker apps={list} current={current.slug} />
          <WidgetSetup key={current.id} app={current} />
        </>
      ) : (
        <EmptyState title={t("common.noAppYet")}>
          <p>{t.rich("widget.noApp", { link: (chunks) => <Link to="/apps">{chunks}</Link> })}</p>
        </EmptyState>
      )}
    </>
  );
}

function WidgetSetup({ app }: { app: SupportApp }) {
  const t = useT();
  const client = useQueryClient();
  const path = `/api/v1/apps/${encodeURIComponent(app.id)}/widget`;
  const config = useQuery({ queryKey: ["widget", app.id], queryFn: () => api<WidgetConfigView>(path) });
  const save = useMutation({
    mutationFn: (body: WidgetConfigChange) => api<WidgetConfigView>(path, { method: "PATCH", body }),
    onSuccess: (view) => client.setQueryData(["widget", app.id], view),
  });
  const rotate = useMutation({
    mutationFn: () => api<WidgetSecretView>(`${path}/secret/rotate`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["widget", app.id] }),
  });
  const view = config.data;
  if (config.isPending) return <p>{t("common.loading")}</p>;
  if (!view) return <ErrorNote error={config.error} />;
  const origin = window.location.origin;
  return (
    <>
      <p role="status">{view.enabled ? t("widget.state.on") : t("widget.state.off")}</p>
      <CopyField label={t("widget.snippet")} value={view.snippet} />
      <WidgetForm key={view.allowedOrigins.join(" ")} view={view} onSave={(body) => save.mutate(body)} />
      {save.isSuccess && <p role="status">{t("widget.saved")}</p>}
      <ErrorNote error={save.error} />

      <h2>{t("widget.secret.title")}</h2>
      <p>
        {view.secretSet ? t("widget.secret.set") : t("widget.secret.none")}{" "}
        {view.previousSecretValid && t("widget.secret.previous")}
      </p>
      {rotate.data && (
        <div role="status" className="card">
          <p>{t("widget.secret.copyNow")}</p>
          <CopyField label={t("widget.secret.new")} value={rotate.data.secret} />
        </div>
      )}
      <button type="button" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
        {t("widget.secret.rotate")}
      </button>
      <ErrorNote error={rotate.error} />

      <h2>{t("widget.preview.title")}</h2>
      {view.allowedOrigins.includes(origin) ? (
        <Link to={`/chat-widget-preview?app=${encodeURIComponent(app.slug)}`}>{t("widget.preview.open")}</Link>
      ) : (
        <div className="stack">
          <p>{t("widget.preview.needsOrigin", { origin })}</p>
          <button
            type="button"
            onClick={() => save.mutate({ allowedOrigins: withOrigin(view.allowedOrigins, origin) })}
            disabled={save.isPending}
          >
            {t("widget.preview.allow", { origin })}
          </button>
        </div>
      )}
    </>
  );
}

function WidgetForm({ view, onSave }: { view: WidgetConfigView; onSave: (body: WidgetConfigChange) => void }) {
  const t = useT();
  const [plans, setPlans] = useState<PlanRow[]>(Object.entries(view.plans).map(([plan, tier]) => ({ plan, tier })));
  const setRow = (index: number, row: Partial<PlanRow>) =>
    setPlans((rows) => rows.map((r, i) => (i === index ? { ...r, ...row } : r)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? "");
    onSave(
      widgetConfigChange({
        origins: field("origins"),
        plans,
        defaultTier: field("defaultTier"),
        responseTime: field("responseTime"),
      }),
    );
  };
  return (
    <form onSubmit={submit} className="stack" aria-label={t("widget.form.label")}>
      <label>
        {t("widget.origins")}
        <textarea name="origins" rows={3} defaultValue={view.allowedOrigins.join("\n")} />
      </label>
      <fieldset>
        <legend>{t("widget.plans")}</legend>
        <p className="hint">{t("widget.plans.hint")}</p>
        {plans.map((row, index) => (
          <div className="row" key={`plan-${index.toString()}`}>
            <label>
              {t("widget.plan")}
              <input value={row.plan} onChange={(e) => setRow(index, { plan: e.target.value })} />
            </label>
            <label>
              {t("widget.tier")}
              <select value={row.tier} onChange={(e) => setRow(index, { tier: e.target.value as PlanRow["tier"] })}>
                {TIERS.map((tier) => (
                  <option key={tier} value={tier}>
                    {t(TIER_LABEL[tier])}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => setPlans((rows) => rows.filter((_, i) => i !== index))}>
              {t("widget.plan.remove", { plan: row.plan })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setPlans((rows) => [...rows, { plan: "", tier: "suggest" }])}>
          {t("widget.plan.add")}
        </button>
      </fieldset>
      <label>
        {t("widget.defaultTier")}
        <select name="defaultTier" defaultValue={view.defaultTier ?? ""}>
          <option value="">{t("widget.defaultTier.app")}</option>
          {TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {t(TIER_LABEL[tier])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("widget.responseTime")}
        <input name="responseTime" defaultValue={view.responseTime ?? ""} maxLength={100} />
      </label>
      <button type="submit" className="primary">
        {t("common.save")}
      </button>
    </form>
  );
}
