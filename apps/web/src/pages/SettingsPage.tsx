import { AppPicker } from "../components/AppPicker.js";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { SettingsForm } from "../components/SettingsForm.js";
import { useApps } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

/** `/settings?app=slug`: how one app answers (any member reads, admins change). */
export function SettingsPage({ role, app }: { role: Role | null; app: string | undefined }) {
  const t = useT();
  const apps = useApps();
  const list = apps.data?.data ?? [];
  const current = list.find((a) => a.slug === app) ?? list[0];
  if (apps.isPending) return <p>{t("common.loading")}</p>;
  if (!current) {
    return (
      <EmptyState title={t("common.noAppYet")}>
        <p>{t.rich("settings.noApp", { link: (chunks) => <Link to="/apps">{chunks}</Link> })}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <AppPicker apps={list} current={current.slug} />
      {/* Keyed by the app: choosing another one starts the form from its saved settings. */}
      <SettingsForm key={current.id} app={current} canEdit={roleAtLeast(role, "admin")} />
    </>
  );
}
