import type { DraftView } from "@support/contract";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

/** The same four operations on the local DATA_DIR or on a server. */
export interface DraftsBackend {
  list(filter: { app?: string; status?: string }): Promise<DraftView[]>;
  show(id: string): Promise<DraftView>;
  approve(id: string, text?: string): Promise<DraftView>;
  reject(id: string, reason: string): Promise<DraftView>;
}

export function remoteDrafts(api: RemoteApi): DraftsBackend {
  return {
    list: async (f) => {
      const query = new URLSearchParams({
        limit: "100",
        ...(f.app ? { app: f.app } : {}),
        ...(f.status ? { status: f.status } : {}),
      });
      return (await api.request<{ data: DraftView[] }>("GET", `/api/v1/drafts?${query}`)).data;
    },
    show: (id) => api.request<DraftView>("GET", `/api/v1/drafts/${encodeURIComponent(id)}`),
    approve: (id, text) =>
      api.request<DraftView>("POST", `/api/v1/drafts/${encodeURIComponent(id)}/approve`, text ? { text } : {}),
    reject: (id, reason) =>
      api.request<DraftView>("POST", `/api/v1/drafts/${encodeURIComponent(id)}/reject`, { reason }),
  };
}

const line = (d: DraftView) =>
  `${d.id}  ${d.status.padEnd(16)} ${d.category.padEnd(16)} ${d.text.replace(/\s+/g, " ").slice(0, 60)}`;

export async function draftsCommand(
  backend: DraftsBackend,
  out: Output,
  sub: string | undefined,
  opts: { id?: string; app?: string; status?: string; text?: string; reason?: string },
) {
  if (sub === "list") {
    const data = await backend.list({ app: opts.app, status: opts.status });
    return out.result({ data }, () => (data.length ? data.map(line) : ["No drafts."]));
  }
  if (!opts.id) throw new CliError(`drafts ${sub ?? ""} needs the draft id`.replace("  ", " "));
  switch (sub) {
    case "show": {
      const d = await backend.show(opts.id);
      return out.result(d, () => [
        line(d),
        "",
        d.text || "(no draft: a person must answer)",
        "",
        ...d.citations.map((c) => `  [${c.passageId}] ${c.title}${c.url ? ` ${c.url}` : ""}`),
        ...d.gates.filter((g) => !g.passed).map((g) => `  gate ${g.gate} failed: ${g.reason ?? ""}`),
        `  decision: ${((d.decision.reasons as string[] | undefined) ?? []).join("; ") || "(none)"}`,
      ]);
    }
    case "approve": {
      const d = await backend.approve(opts.id, opts.text);
      return out.result(d, () => [`Approved ${d.id}; it is sent by the server's pipeline.`]);
    }
    case "reject": {
      if (!opts.reason) throw new CliError("drafts reject needs --reason <why>");
      const d = await backend.reject(opts.id, opts.reason);
      return out.result(d, () => [`Rejected ${d.id}: ${opts.reason}`]);
    }
    default:
      throw new CliError("usage: skill drafts list|show|approve|reject");
  }
}
