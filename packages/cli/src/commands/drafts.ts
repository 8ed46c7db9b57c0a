import type { DraftView } from "@support/contract";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

/** The same four operations on the local DATA_DIR or on a server. */
export interface DraftsBackend {
  list(filter: { app?: string; status?: string }): Promise<DraftView[]>;
  show(id: string): Promise<DraftView>;
  approve(id: string, choice: { text?: string; actions?: string[] }): Promise<DraftView>;
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
    approve: (id, choice) =>
      api.request<DraftView>("POST", `/api/v1/drafts/${encodeURIComponent(id)}/approve`, {
        ...(choice.text ? { text: choice.text } : {}),
        ...(choice.actions ? { actions: choice.actions } : {}),
      }),
    reject: (id, reason) =>
      api.request<DraftView>("POST", `/api/v1/drafts/${encodeURIComponent(id)}/reject`, { reason }),
  };
}

const actionLine = (a: DraftView["actions"][number]) => `  action ${a.id}: ${a.action} (${a.risk}) ${a.reason}`;

/**
 * The actions an approval runs, as the operator chose them: `--actions a1,a2` or `--no-actions`.
 * A draft that proposes actions is never approved without that choice (nothing runs that was not
 * shown); the refusal lists them.
 */
function chosenActions(d: DraftView, opts: { actions?: string; noActions?: boolean }): string[] | undefined {
  if (opts.actions !== undefined && opts.noActions) throw new CliError("give --actions or --no-actions, not both");
  if (opts.noActions) return [];
  if (opts.actions !== undefined) {
    const ids = opts.actions
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean);
    const unknown = ids.filter((id) => !d.actions.some((a) => a.id === id));
    if (unknown.length) throw new CliError(`draft ${d.id} proposes no action ${unknown.join(", ")}`);
    return ids;
  }
  if (d.actions.length === 0) return undefined;
  // One line (the CLI prints errors as one): every proposed action, then how to choose.
  const listed = d.actions.map((a) => `${a.id}: ${a.action} (${a.risk}) ${a.reason}`).join("; ");
  throw new CliError(
    `draft ${d.id} proposes actions (${listed}); choose what runs with --actions <id,...> or --no-actions`,
  );
}

const line = (d: DraftView) =>
  `${d.id}  ${d.status.padEnd(16)} ${d.category.padEnd(16)} ${d.text.replace(/\s+/g, " ").slice(0, 60)}`;

export async function draftsCommand(
  backend: DraftsBackend,
  out: Output,
  sub: string | undefined,
  opts: {
    id?: string;
    app?: string;
    status?: string;
    text?: string;
    reason?: string;
    actions?: string;
    noActions?: boolean;
  },
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
        ...d.actions.map(actionLine),
        ...d.gates.filter((g) => !g.passed).map((g) => `  gate ${g.gate} failed: ${g.reason ?? ""}`),
        `  decision: ${((d.decision.reasons as string[] | undefined) ?? []).join("; ") || "(none)"}`,
      ]);
    }
    case "approve": {
      const actions = chosenActions(await backend.show(opts.id), opts);
      const d = await backend.approve(opts.id, { text: opts.text, actions });
      const run = d.actions.filter((a) => a.approved);
      return out.result(d, () => [
        `Approved ${d.id}; it is sent by the server's pipeline.`,
        ...(d.actions.length === 0
          ? []
          : run.length
            ? ["Actions to run:", ...run.map(actionLine)]
            : ["No action runs."]),
      ]);
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
