import type { FrontPluginSecretView, FrontPluginView } from "@support/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CopyField } from "../components/CopyField.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import { ROLE_LABEL } from "../lib/roles.js";

/** `/front-sidebar`: the plugin's URL, a new secret (shown once) and which member each Front teammate acts as. */
export function FrontPluginPage() {
  const t = useT();
  const client = useQueryClient();
  const plugin = useQuery({
    queryKey: ["front-plugin"],
    queryFn: () => api<FrontPluginView>("/api/v1/front-plugin"),
  });
  const rotate = useMutation({
    mutationFn: () => api<FrontPluginSecretView>("/api/v1/front-plugin/secret/rotate", { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["front-plugin"] }),
  });
  const view = plugin.data;
  if (plugin.isPending) return <p>{t("common.loading")}</p>;
  if (!view) return <ErrorNote error={plugin.error} />;
  return (
    <>
      <h1>{t("frontPlugin.title")}</h1>
      <p role="status">
        {view.configured && view.updatedAt
          ? t("frontPlugin.configured", { date: t.dateTime(view.updatedAt) })
          : t("frontPlugin.notConfigured")}
      </p>
      <CopyField label={t("frontPlugin.url")} value={view.pluginUrl} />
      {rotate.data && (
        <div role="status" className="card">
          <p>{t("frontPlugin.rotated")}</p>
          <CopyField label={t("frontPlugin.newUrl")} value={rotate.data.pluginUrl} />
          <CopyField label={t("frontPlugin.newSecret")} value={rotate.data.secret} />
        </div>
      )}
      <button type="button" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
        {t("frontPlugin.rotate")}
      </button>
      <ErrorNote error={rotate.error} />

      <h2>{t("frontPlugin.teammates")}</h2>
      <p className="hint">{t("frontPlugin.teammates.hint")}</p>
      <table aria-label={t("frontPlugin.teammates")}>
        <thead>
          <tr>
            <th>{t("frontPlugin.email")}</th>
            <th>{t("frontPlugin.member")}</th>
            <th>{t("frontPlugin.role")}</th>
          </tr>
        </thead>
        <tbody>
          {view.teammates.map((teammate) => (
            <tr key={teammate.actor}>
              <td>{teammate.email}</td>
              <td>
                <code>{teammate.actor}</code>
              </td>
              <td>{t.label(ROLE_LABEL, teammate.role)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
