import type {
  ClickUpConnectionInput,
  HubSpotConnectionInput,
  ProcedureSummaryView,
  ProcedureTestInput,
  ProcedureTestResult,
  ProcedureView,
  SaveProcedureInput,
  TaskConnectionView,
} from "@support/contract";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";
import { readDefinitionFile } from "./definition-file.js";

/** An app's procedures, on the local DATA_DIR or on a server. */
export interface ProceduresBackend {
  list(app: string): Promise<{ data: ProcedureSummaryView[] }>;
  save(app: string, input: SaveProcedureInput): Promise<ProcedureView>;
  show(app: string, key: string, version?: number): Promise<ProcedureView>;
  remove(app: string, key: string): Promise<ProcedureSummaryView>;
  test(app: string, key: string, input: ProcedureTestInput): Promise<ProcedureTestResult>;
  connectClickUp(app: string, input: ClickUpConnectionInput): Promise<TaskConnectionView>;
  connectHubSpot(app: string, input: HubSpotConnectionInput): Promise<TaskConnectionView>;
}

export function remoteProcedures(api: RemoteApi): ProceduresBackend {
  const base = (app: string) => `/api/v1/apps/${encodeURIComponent(app)}/procedures`;
  return {
    list: (app) => api.request("GET", base(app)),
    save: (app, input) => api.request("POST", base(app), input),
    show: (app, key, version) =>
      api.request("GET", `${base(app)}/${encodeURIComponent(key)}${version ? `?version=${version}` : ""}`),
    remove: (app, key) => api.request("DELETE", `${base(app)}/${encodeURIComponent(key)}`),
    test: (app, key, input) => api.request("POST", `${base(app)}/${encodeURIComponent(key)}/test`, input),
    connectClickUp: (app, input) => api.request("PUT", `/api/v1/apps/${encodeURIComponent(app)}/tasks/clickup`, input),
    connectHubSpot: (app, input) => api.request("PUT", `/api/v1/apps/${encodeURIComponent(app)}/tasks/hubspot`, input),
  };
}

export interface ProcedureOptions {
  app?: string;
  /** The file (`add`) or the key (`show`, `remove`). */
  arg?: string;
  template?: string;
  version?: string;
  transcript?: string;
  token?: string;
  list?: string;
  parent?: string;
  apiUrl?: string;
}

function parseVersion(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const version = Number(flag);
  if (!(Number.isInteger(version) && version > 0)) throw new CliError("--version must be a positive whole number");
  return version;
}

const TEMPLATES = ["3d-intake", "return-authorisation"] as const;
const line = (p: ProcedureSummaryView) => `${p.key}  v${p.version}  on ${p.triggerCategory}  ${p.name}`;

/** `skill procedures add <file>|--template <name>|list|show <key>|remove <key> --app <app>`. */
export async function proceduresCommand(
  backend: ProceduresBackend,
  out: Output,
  sub: string | undefined,
  opts: ProcedureOptions,
) {
  const { app, arg } = opts;
  if (!app) throw new CliError("procedures needs --app <app>");
  switch (sub) {
    case "add": {
      let input: SaveProcedureInput;
      if (opts.template) {
        const template = TEMPLATES.find((t) => t === opts.template);
        if (!template) throw new CliError(`no template "${opts.template}"; templates: ${TEMPLATES.join(", ")}`);
        input = { template };
      } else if (arg) {
        input = { definition: await readDefinitionFile(arg) };
      } else {
        throw new CliError("procedures add needs a JSON or YAML file, or --template <name>");
      }
      const saved = await backend.save(app, input);
      return out.result(saved, () => [
        `Saved ${line(saved)}`,
        `Steps: ${saved.definition.steps.map((s) => s.id).join(" → ")}`,
      ]);
    }
    case "list": {
      const list = await backend.list(app);
      return out.result(list, () => (list.data.length ? list.data.map(line) : [`No procedures on ${app}.`]));
    }
    case "show": {
      if (!arg) throw new CliError("procedures show needs the procedure key");
      const shown = await backend.show(app, arg, parseVersion(opts.version));
      return out.result(shown, () => [line(shown), JSON.stringify(shown.definition, null, 2)]);
    }
    case "remove": {
      if (!arg) throw new CliError("procedures remove needs the procedure key");
      const removed = await backend.remove(app, arg);
      return out.result(removed, () => [`Removed ${line(removed)}; runs under way keep their version.`]);
    }
    case "test": {
      if (!arg || !opts.transcript) throw new CliError("procedures test needs the key and --transcript <file>");
      const version = parseVersion(opts.version);
      const transcript = (await readDefinitionFile(opts.transcript)) as ProcedureTestInput["transcript"];
      const run = await backend.test(app, arg, { transcript, ...(version ? { version } : {}) });
      return out.result(run, () => [
        `${run.procedure.key} v${run.procedure.version} in shadow mode (nothing sent): ${run.outcome}, status ${
          run.conversationStatus ?? "unchanged"
        }`,
        ...run.steps.map((s) => `  ${s.step} (${s.kind})  ${JSON.stringify(s.output)}`),
      ]);
    }
    case "connect": {
      if (arg === "hubspot") {
        if (!opts.token) throw new CliError("procedures connect hubspot needs --token");
        const connected = await backend.connectHubSpot(app, {
          token: opts.token,
          ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}),
        });
        return out.result(connected, () => [
          `Procedure tasks of ${app} become HubSpot tickets (pipeline ${connected.listId}, stage ${
            connected.parentTaskId ?? "default"
          }, ${connected.apiUrl}) with the contact upserted by email and a note per message; the token is stored encrypted.`,
        ]);
      }
      if (arg !== "clickup") throw new CliError("procedures connect knows two tools: clickup, hubspot");
      if (!opts.token || !opts.list) throw new CliError("procedures connect clickup needs --token and --list");
      const connected = await backend.connectClickUp(app, {
        token: opts.token,
        listId: opts.list,
        ...(opts.parent ? { parentTaskId: opts.parent } : {}),
        ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}),
      });
      return out.result(connected, () => [
        `Procedure tasks of ${app} go to ClickUp list ${connected.listId}${
          connected.parentTaskId ? ` as subtasks of ${connected.parentTaskId}` : ""
        } (${connected.apiUrl}); the token is stored encrypted.`,
      ]);
    }
    default:
      throw new CliError(
        "usage: skill procedures add <file>|--template <name> | list | show <key> [--version N] | remove <key> | test <key> --transcript <file> | connect clickup --token <t> --list <id> [--parent <id>] [--api-url <base>] | connect hubspot --token <t> [--api-url <base>]  --app <app>",
      );
  }
}
