import { useState } from "react";
import { ChannelForm } from "../components/ChannelForm.js";
import { CreateAppForm } from "../components/CreateAppForm.js";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { SigningKeysCard } from "../components/SigningKeysCard.js";
import { useApps, useChannels } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

function Channels({ app, canEdit }: { app: string; canEdit: boolean }) {
  const channels = useChannels(app);
  return (
    <div className="channels">
      {(channels.data?.data ?? []).map((c) => (
        <ChannelForm key={c.kind} app={app} channel={c} canEdit={canEdit} />
      ))}
    </div>
  );
}

export function AppsPage({ role }: { role: Role | null }) {
  const t = useT();
  const apps = useApps();
  const [chosen, setChosen] = useState<string>();
  const list = apps.data?.data ?? [];
  const current = list.find((a) => a.id === chosen) ?? list[0];
  const canEdit = roleAtLeast(role, "admin");
  return (
    <>
      <h1>{t("apps.title")}</h1>
      {canEdit && <CreateAppForm onCreated={(app) => setChosen(app.id)} />}
      {list.length === 0 && (
        <EmptyState title={t("apps.empty.title")}>
          <p>{canEdit ? t("apps.empty.admin") : t("apps.empty.agent")}</p>
        </EmptyState>
      )}
      {current && (
        <>
          <label>
            {t("common.app")}
            <select value={current.id} onChange={(e) => setChosen(e.target.value)}>
              {list.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.slug})
                </option>
              ))}
            </select>
          </label>
          <p>
            <Link to={`/outbox?app=${current.slug}`}>{t("shell.nav.outbox")}</Link> ·{" "}
            <Link to={`/autonomy?app=${current.slug}`}>{t("shell.nav.autonomy")}</Link> ·{" "}
            <Link to={`/knowledge?app=${current.slug}`}>{t("shell.nav.knowledge")}</Link> ·{" "}
            <Link to={`/analytics?app=${current.slug}`}>{t("shell.nav.analytics")}</Link>
          </p>
          <h2>{t("apps.channelsOf", { name: current.name })}</h2>
          <Channels app={current.slug} canEdit={canEdit} />
          <SigningKeysCard key={current.id} app={current.slug} canEdit={canEdit} />
        </>
      )}
    </>
  );
}
