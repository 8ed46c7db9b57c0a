import { appLine, keyLine } from "../format.js";
import type { Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

interface AppView {
  id: string;
  slug: string;
  name: string;
}
interface KeyView {
  id: string;
  prefix: string;
  role: string;
  name: string;
  revokedAt: string | null;
  token?: string;
}

export async function remoteAppsList(api: RemoteApi, out: Output) {
  const page = await api.request<{ data: AppView[] }>("GET", "/api/v1/apps?limit=100");
  out.result({ data: page.data }, () => (page.data.length === 0 ? ["No apps yet."] : page.data.map(appLine)));
}

/** The server validates the role (and answers 400 naming the allowed ones). */
export async function remoteKeysCreate(api: RemoteApi, out: Output, opts: { name: string; role: string }) {
  const key = await api.request<KeyView>("POST", "/api/v1/keys", opts);
  out.result(key, () => [`Created ${key.role} key ${key.id}. Token (shown once): ${key.token}`]);
}

export async function remoteKeysList(api: RemoteApi, out: Output) {
  const page = await api.request<{ data: KeyView[] }>("GET", "/api/v1/keys");
  out.result({ data: page.data }, () => page.data.map(keyLine));
}

export async function remoteKeysRevoke(api: RemoteApi, out: Output, id: string) {
  const result = await api.request<{ id: string; revoked: boolean }>(
    "DELETE",
    `/api/v1/keys/${encodeURIComponent(id)}`,
  );
  out.result(result, () => [`Revoked ${id}.`]);
}
