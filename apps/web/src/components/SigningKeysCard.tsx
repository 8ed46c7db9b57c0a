import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useT } from "../i18n/useT.js";
import { ApiError, api } from "../lib/api.js";
import type { SigningKeys } from "../lib/types.js";
import { SecretRotation } from "./SecretRotation.js";

interface Integration {
  url: string;
  activeSecrets: number;
}

/** The app's signing keys: the webhook secret (generic/SDK, email) and the product-app integration secret. */
export function SigningKeysCard({ app, canEdit }: { app: string; canEdit: boolean }) {
  const t = useT();
  const client = useQueryClient();
  const base = `/api/v1/apps/${encodeURIComponent(app)}`;
  const keys = useQuery({ queryKey: ["signing-keys", app], queryFn: () => api<SigningKeys>(`${base}/signing-keys`) });
  const integration = useQuery({
    queryKey: ["integration", app],
    // An app without a product-app integration answers 404: that is "none", not an error.
    queryFn: () =>
      api<Integration>(`${base}/integration`).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
  });
  const refresh = (key: string) => () => client.invalidateQueries({ queryKey: [key, app] });
  return (
    <section aria-labelledby="signing-keys-title" className="card">
      <h2 id="signing-keys-title">{t("apps.keys.title")}</h2>
      <h3>{t("apps.keys.webhook.title")}</h3>
      <p className="hint">{t.rich("apps.keys.webhook.hint", { code: (chunks) => <code>{chunks}</code> })}</p>
      {keys.data && (
        <SecretRotation
          name={t("apps.keys.webhook.name")}
          live={keys.data.keys.length}
          canEdit={canEdit}
          rotate={async () =>
            (await api<SigningKeys & { secret: string }>(`${base}/signing-keys/rotate`, { method: "POST" })).secret
          }
          removeOld={() => api(`${base}/signing-keys/old`, { method: "DELETE" })}
          onChanged={refresh("signing-keys")}
        >
          <ul className="list" aria-label={t("apps.keys.webhook.list")}>
            {keys.data.keys.map((k) => (
              <li key={k.id}>
                {t("apps.keys.webhook.version", { version: k.version, date: t.dateTime(k.createdAt) })}
              </li>
            ))}
          </ul>
        </SecretRotation>
      )}
      <h3>{t("apps.keys.integration.title")}</h3>
      {integration.data === null && (
        <p className="hint">{t.rich("apps.keys.integration.none", { app, code: (chunks) => <code>{chunks}</code> })}</p>
      )}
      {integration.data && (
        <SecretRotation
          name={t("apps.keys.integration.name")}
          live={integration.data.activeSecrets}
          canEdit={canEdit}
          rotate={async () =>
            (await api<{ secret: string }>(`${base}/integration/rotate`, { method: "POST", body: {} })).secret
          }
          removeOld={() => api(`${base}/integration/old-secret`, { method: "DELETE" })}
          onChanged={refresh("integration")}
        >
          <p className="hint">{t("apps.keys.integration.signs", { url: integration.data.url })}</p>
        </SecretRotation>
      )}
    </section>
  );
}
