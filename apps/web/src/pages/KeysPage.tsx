import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { CopyField } from "../components/CopyField.js";
import { EmptyState } from "../components/EmptyState.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import { ROLE_LABEL } from "../lib/roles.js";
import type { ApiKey, Page, Role } from "../lib/types.js";

/** API keys for the SDK and CLI (owners only): the token is shown once, at creation. */
export function KeysPage({ role }: { role: Role | null }) {
  const t = useT();
  const client = useQueryClient();
  const keys = useQuery({
    queryKey: ["keys"],
    queryFn: () => api<Page<ApiKey>>("/api/v1/keys"),
    enabled: role === "owner",
  });
  const create = useMutation({
    mutationFn: (body: { name: string; role: Role }) =>
      api<ApiKey & { token: string }>("/api/v1/keys", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["keys"] }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/v1/keys/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["keys"] }),
  });
  if (role !== "owner") {
    return (
      <EmptyState title={t("keys.title")}>
        <p>{t("keys.ownersOnly")}</p>
      </EmptyState>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name")), role: String(form.get("role")) as Role });
  };
  return (
    <>
      <h1>{t("keys.title")}</h1>
      <form onSubmit={submit} className="row" aria-label={t("keys.create.label")}>
        <label>
          {t("common.name")}
          <input name="name" required maxLength={200} />
        </label>
        <label>
          {t("common.role")}
          <select name="role" defaultValue="agent">
            {(["agent", "admin", "owner"] as const).map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABEL[r])}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t("keys.create.submit")}
        </button>
      </form>
      {create.data && (
        <div role="status" className="card">
          <p>{t("keys.copyNow")}</p>
          <CopyField label={t("keys.newKey")} value={create.data.token} />
        </div>
      )}
      <ErrorNote error={create.error ?? revoke.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t("common.name")}</th>
            <th scope="col">{t("keys.column.prefix")}</th>
            <th scope="col">{t("common.role")}</th>
            <th scope="col">{t("keys.column.state")}</th>
            <th scope="col">
              <span className="sr-only">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(keys.data?.data ?? []).map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}</code>
              </td>
              <td>{t(ROLE_LABEL[k.role])}</td>
              <td>{k.revokedAt ? t("keys.state.revoked") : t("keys.state.active")}</td>
              <td>
                {!k.revokedAt && (
                  <button
                    type="button"
                    onClick={() => revoke.mutate(k.id)}
                    aria-label={t("keys.revokeLabel", { name: k.name })}
                  >
                    {t("keys.revoke")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
