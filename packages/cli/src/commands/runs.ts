import { type Runtime, retryRun } from "@support/core";
import { type EngineRunStatus, listEngineRuns } from "@support/db";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";
import { resolveOrg } from "./org.js";

interface RunView {
  id: string;
  functionId: string;
  status: string;
  attempt: number;
  lastError: string | null;
  lastStep: string | null;
}

const STATUSES = ["running", "completed", "failed", "cancelled"];
const line = (r: RunView) =>
  `${r.id}  ${r.status.padEnd(9)} ${r.functionId.padEnd(32)} attempt ${r.attempt}${r.lastStep ? `  last step ${r.lastStep}` : ""}${r.lastError ? `  error: ${r.lastError}` : ""}`;

/** `skill runs list|retry`: the workflow engine's runs, failed ones (the dead letter) retryable. */
export async function runsCommand(
  target: { runtime: Runtime; org?: string } | { api: RemoteApi },
  out: Output,
  sub: string | undefined,
  opts: { id?: string; status?: string },
) {
  if (opts.status && !STATUSES.includes(opts.status))
    throw new CliError(`--status must be one of ${STATUSES.join(", ")}`);
  if (sub === "list") {
    const data: RunView[] =
      "api" in target
        ? (
            await target.api.request<{ data: RunView[] }>(
              "GET",
              `/api/v1/runs${opts.status ? `?status=${opts.status}` : ""}`,
            )
          ).data
        : await listEngineRuns(target.runtime.database.db, (await resolveOrg(target.runtime, target.org)).id, {
            status: opts.status as EngineRunStatus | undefined,
            limit: 100,
          });
    return out.result({ data }, () => (data.length ? data.map(line) : ["No runs."]));
  }
  if (sub === "retry") {
    if (!opts.id) throw new CliError("runs retry needs the run id");
    const run: RunView =
      "api" in target
        ? await target.api.request<RunView>("POST", `/api/v1/runs/${encodeURIComponent(opts.id)}/retry`)
        : await retryRun(target.runtime.database, (await resolveOrg(target.runtime, target.org)).id, opts.id);
    return out.result(run, () => [
      `Run ${run.id} queued again from its last completed step (the server's engine resumes it).`,
    ]);
  }
  throw new CliError("usage: skill runs list [--status failed] | runs retry <run id>");
}
