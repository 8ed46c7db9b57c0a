import { parseArgs } from "node:util";
import { ConfigError, loadConfig, openRuntime } from "@support/core";
import { appsListCommand } from "./commands/apps.js";
import { doctorCommand } from "./commands/doctor.js";
import { evalRetrievalCommand } from "./commands/eval-retrieval.js";
import { initCommand } from "./commands/init.js";
import { kbAddCommand, kbListCommand, kbRemoveCommand, kbSearchCommand } from "./commands/kb.js";
import { keysCreateCommand, keysListCommand, keysRevokeCommand } from "./commands/keys.js";
import { remoteAppsList, remoteKeysCreate, remoteKeysList, remoteKeysRevoke } from "./commands/remote-commands.js";
import { CliError, createOutput } from "./output.js";
import { RemoteApi } from "./remote.js";

/** Commands that go over HTTP when SUPPORT_API_URL and SUPPORT_API_KEY are set. */
const REMOTE_COMMANDS = new Set(["apps list", "keys create", "keys list", "keys revoke"]);

const USAGE = `Usage: skill <command> [options]

  init --name <product> [--org <organization>] [--new-key]
  apps list [--org <organization>]
  keys create --name <name> [--role owner|admin|agent] | keys list | keys revoke <id>
  kb add <path|url>... --app <app|shared> [--max-pages 50] | kb list [--app <app>]
  kb search "<query>" --app <app> [--k 5] [--mode bm25|dense|hybrid] | kb remove <source id>
  db migrate
  doctor
  eval retrieval --dataset <dir> [--mode bm25|dense|hybrid] [--k 100] [--run <file>]

Every command accepts --json. With SUPPORT_API_URL and SUPPORT_API_KEY set, apps and keys
commands act on that server; otherwise every command acts on the local DATA_DIR.`;

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      name: { type: "string" },
      org: { type: "string" },
      role: { type: "string", default: "admin" },
      "new-key": { type: "boolean", default: false },
      dataset: { type: "string" },
      mode: { type: "string", default: "hybrid" },
      k: { type: "string" },
      app: { type: "string" },
      "max-pages": { type: "string" },
      run: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const out = createOutput(values.json ?? false);
  const config = loadConfig();
  const route = `${command} ${sub ?? ""}`.trim();
  if (route === "eval retrieval") {
    if (!values.dataset) throw new CliError("eval retrieval needs --dataset <dir>");
    return evalRetrievalCommand(out, {
      dataset: values.dataset,
      mode: values.mode ?? "hybrid",
      k: Number(values.k ?? 100),
      run: values.run,
    });
  }
  if (config.remote && REMOTE_COMMANDS.has(route)) {
    const api = new RemoteApi(config.remote.url, config.remote.apiKey);
    switch (route) {
      case "apps list":
        return remoteAppsList(api, out);
      case "keys create":
        if (!values.name) throw new CliError("keys create needs --name <name>");
        return remoteKeysCreate(api, out, { name: values.name, role: values.role ?? "admin" });
      case "keys list":
        return remoteKeysList(api, out);
      default:
        if (!arg) throw new CliError("keys revoke needs the key id");
        return remoteKeysRevoke(api, out, arg);
    }
  }
  const runtime = await openRuntime(config, { migrate: command === "db" || command === "init" || command === "kb" });
  try {
    switch (command === "init" || command === "doctor" ? command : route) {
      case "init":
        if (!values.name) throw new CliError("init needs --name <product>");
        return await initCommand(runtime, out, {
          name: values.name,
          org: values.org,
          newKey: values["new-key"] ?? false,
        });
      case "apps list":
        return await appsListCommand(runtime, out, { org: values.org });
      case "keys create":
        if (!values.name) throw new CliError("keys create needs --name <name>");
        return await keysCreateCommand(runtime, out, {
          org: values.org,
          name: values.name,
          role: values.role ?? "admin",
        });
      case "keys list":
        return await keysListCommand(runtime, out, { org: values.org });
      case "keys revoke":
        if (!arg) throw new CliError("keys revoke needs the key id");
        return await keysRevokeCommand(runtime, out, { org: values.org, id: arg });
      case "db migrate":
        out.result({ migrated: true, dialect: runtime.database.dialect }, () => [
          `Migrations applied (${runtime.database.dialect}).`,
        ]);
        return;
      case "doctor":
        return await doctorCommand(runtime, out);
      case "kb add":
        if (!values.app) throw new CliError("kb add needs --app <app> (or --app shared)");
        return await kbAddCommand(runtime, out, {
          org: values.org,
          app: values.app,
          inputs: positionals.slice(2),
          maxPages: values["max-pages"] ? Number(values["max-pages"]) : undefined,
        });
      case "kb list":
        return await kbListCommand(runtime, out, { org: values.org, app: values.app });
      case "kb search":
        if (!values.app || !arg) throw new CliError('kb search needs "<query>" and --app <app>');
        return await kbSearchCommand(runtime, out, {
          org: values.org,
          app: values.app,
          query: positionals.slice(2).join(" "),
          k: Number(values.k ?? 5),
          mode: values.mode ?? "hybrid",
        });
      case "kb remove":
        if (!arg) throw new CliError("kb remove needs the source id");
        return await kbRemoveCommand(runtime, out, { org: values.org, id: arg });
      default:
        throw new CliError(`unknown command "${route}"; run skill --help`);
    }
  } finally {
    await runtime.database.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  // Config errors list every bad variable; anything else is one line, never a stack.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`skill: ${error instanceof ConfigError ? message : message.split("\n")[0]}\n`);
  process.exit(1);
});
