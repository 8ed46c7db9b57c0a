import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

export interface RunView {
  id: string;
  functionId: string;
  status: string;
  attempt: number;
  lastError: string | null;
  lastStep: string | null;
}

/** The engine's runs on the local DATA_DIR or on a server (`/api/v1/runs`). */
export interface RunsBackend {
  list(status?: string): Promise<RunView[]>;
  retry(id: string): Promise<RunView>;
}

export function remoteRuns(api: RemoteApi): RunsBackend {
  return {
    list: async (status) =>
      (await api.request<{ data: RunView[] }>("GET", `/api/v1/runs${status ? `?status=${status}` : ""}`)).data,
    retry: (id) => api.request<RunView>("POST", `/api/v1/runs/${encodeURIComponent(id)}/retry`),
  };
}

const STATUSES = ["running", "completed", "failed", "cancelled"];
const line = (r: RunView) =>
  `${r.id}  ${r.status.padEnd(9)} ${r.functionId.padEnd(32)} attempt ${r.attempt}${r.lastStep ? `  last step ${r.lastStep}` : ""}${r.lastError ? `  error: ${r.lastError}` : ""}`;

/** `skill runs list|retry`: the workflow engine's runs, failed ones (the dead letter) retryable. */
export async function runsCommand(
  backend: RunsBackend,
  out: Output,
  sub: string | undefined,
  opts: { id?: string; status?: string },
) {
  if (opts.status && !STATUSES.includes(opts.status))
    throw new CliError(`--status must be one of ${STATUSES.join(", ")}`);
  if (sub === "list") {
    const data = await backend.list(opts.status);
    return out.result({ data }, () => (data.length ? data.map(line) : ["No runs."]));
  }
  if (sub === "retry") {
    if (!opts.id) throw new CliError("runs retry needs the run id");
    const run = await backend.retry(opts.id);
    return out.result(run, () => [
      `Run ${run.id} queued again from its last completed step (the server's engine resumes it).`,
    ]);
  }
  throw new CliError("usage: skill runs list [--status failed] | runs retry <run id>");
}
