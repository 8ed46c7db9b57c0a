import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "../lib/api.js";
import type { SigningKeys } from "../lib/types.js";
import { SecretRotation } from "./SecretRotation.js";

interface Integration {
  url: string;
  activeSecrets: number;
}

/** The app's signing keys: the webhook secret (generic/SDK, email) and the product-app integration secret. */
export function SigningKeysCard({ app, canEdit }: { app: string; canEdit: boolean }) {
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
      <h2 id="signing-keys-title">Signing keys</h2>
      <h3>Webhook signing secret</h3>
      <p className="hint">
        Verifies the generic/SDK and email webhooks (<code>x-support-signature</code>) and signs the generic channel's
        replies.
      </p>
      {keys.data && (
        <SecretRotation
          name="webhook signing secret"
          live={keys.data.keys.length}
          canEdit={canEdit}
          rotate={async () =>
            (await api<SigningKeys & { secret: string }>(`${base}/signing-keys/rotate`, { method: "POST" })).secret
          }
          removeOld={() => api(`${base}/signing-keys/old`, { method: "DELETE" })}
          onChanged={refresh("signing-keys")}
        >
          <ul className="list" aria-label="Live webhook signing keys">
            {keys.data.keys.map((k) => (
              <li key={k.id}>
                version {k.version} · created {new Date(k.createdAt).toLocaleString()}
              </li>
            ))}
          </ul>
        </SecretRotation>
      )}
      <h3>Product-app integration secret</h3>
      {integration.data === null && (
        <p className="hint">
          No product-app integration: register one with <code>skill apps integrate --app {app} --url …</code>.
        </p>
      )}
      {integration.data && (
        <SecretRotation
          name="integration secret"
          live={integration.data.activeSecrets}
          canEdit={canEdit}
          rotate={async () =>
            (await api<{ secret: string }>(`${base}/integration/rotate`, { method: "POST", body: {} })).secret
          }
          removeOld={() => api(`${base}/integration/old-secret`, { method: "DELETE" })}
          onChanged={refresh("integration")}
        >
          <p className="hint">Signs the platform's calls to {integration.data.url}.</p>
        </SecretRotation>
      )}
    </section>
  );
}
