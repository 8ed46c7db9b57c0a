import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { CopyField } from "../components/CopyField.js";
import { EmptyState } from "../components/EmptyState.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { api } from "../lib/api.js";
import type { ApiKey, Page, Role } from "../lib/types.js";

/** API keys for the SDK and CLI (owners only): the token is shown once, at creation. */
export function KeysPage({ role }: { role: Role | null }) {
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
      <EmptyState title="API keys">
        <p>Only owners manage API keys.</p>
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
      <h1>API keys</h1>
      <form onSubmit={submit} className="row" aria-label="Create an API key">
        <label>
          Name
          <input name="name" required maxLength={200} />
        </label>
        <label>
          Role
          <select name="role" defaultValue="agent">
            <option value="agent">agent</option>
            <option value="admin">admin</option>
            <option value="owner">owner</option>
          </select>
        </label>
        <button type="submit" className="primary">
          Create key
        </button>
      </form>
      {create.data && (
        <div role="status" className="card">
          <p>Copy this key now: it is not shown again.</p>
          <CopyField label="New API key" value={create.data.token} />
        </div>
      )}
      <ErrorNote error={create.error ?? revoke.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
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
              <td>{k.role}</td>
              <td>{k.revokedAt ? "revoked" : "active"}</td>
              <td>
                {!k.revokedAt && (
                  <button type="button" onClick={() => revoke.mutate(k.id)} aria-label={`Revoke ${k.name}`}>
                    Revoke
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
