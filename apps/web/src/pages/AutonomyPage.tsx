import { useQuery } from "@tanstack/react-query";
import { AppPicker } from "../components/AppPicker.js";
import { AutonomyForm } from "../components/AutonomyForm.js";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { TrustChart } from "../components/TrustChart.js";
import { TrustHistoryChart } from "../components/TrustHistoryChart.js";
import { useApps } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role, ShadowRow, TrustRow } from "../lib/types.js";

export function AutonomyPage({ role, app }: { role: Role | null; app: string | undefined }) {
  const t = useT();
  const apps = useApps();
  const list = apps.data?.data ?? [];
  const current = list.find((a) => a.slug === app || a.id === app) ?? list[0];
  const slug = current?.slug ?? "";
  const trust = useQuery({
    queryKey: ["trust", slug],
    queryFn: () => api<{ data: TrustRow[] }>(`/api/v1/apps/${slug}/trust`),
    enabled: Boolean(current),
  });
  const shadow = useQuery({
    queryKey: ["shadow", slug],
    queryFn: () => api<{ data: ShadowRow[] }>(`/api/v1/apps/${slug}/shadow`),
    enabled: Boolean(current),
  });
  if (!current) {
    return (
      <EmptyState title={t("common.noAppYet")}>
        <p>{t.rich("autonomy.noApp", { link: (chunks) => <Link to="/apps">{chunks}</Link> })}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <h1>{t("autonomy.title")}</h1>
      <AppPicker apps={list} current={slug} />
      <AutonomyForm
        key={current.id + current.settings.autonomyTier}
        app={current}
        canEdit={roleAtLeast(role, "admin")}
      />
      <section aria-labelledby="trust-title" className="card">
        <h2 id="trust-title">{t("autonomy.trust.title")}</h2>
        {(trust.data?.data ?? []).length === 0 ? (
          <p>{t("autonomy.trust.empty")}</p>
        ) : (
          <TrustChart rows={trust.data?.data ?? []} threshold={current.settings.trustThreshold} />
        )}
      </section>
      <section aria-labelledby="trust-history-title" className="card">
        <h2 id="trust-history-title">{t("autonomy.history.title")}</h2>
        <TrustHistoryChart app={slug} />
      </section>
      <section aria-labelledby="shadow-title" className="card">
        <h2 id="shadow-title">{t("autonomy.shadow.title")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("common.category")}</th>
              <th scope="col">{t("autonomy.shadow.decided")}</th>
              <th scope="col">{t("autonomy.shadow.wouldAutoSend")}</th>
              <th scope="col">{t("autonomy.shadow.precision")}</th>
              <th scope="col">{t("autonomy.shadow.coverage")}</th>
            </tr>
          </thead>
          <tbody>
            {(shadow.data?.data ?? []).map((r) => (
              <tr key={r.category}>
                <td>{r.category}</td>
                <td>{r.decided}</td>
                <td>{r.wouldAutoSend}</td>
                <td>{t.percent(r.precision)}</td>
                <td>{t.percent(r.coverage)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
