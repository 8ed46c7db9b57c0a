import { parseArgs } from "node:util";
import { ConfigError, loadConfig, openRuntime } from "@support/core";
import { appsListCommand } from "./commands/apps.js";
import { channelsCommand, localChannels, remoteChannels } from "./commands/channels.js";
import { doctorCommand } from "./commands/doctor.js";
import { draftsCommand, localDrafts, remoteDrafts } from "./commands/drafts.js";
import { evalRetrievalCommand } from "./commands/eval-retrieval.js";
import { evalTriageCommand } from "./commands/eval-triage.js";
import { initCommand } from "./commands/init.js";
import { integrationsCommand, localIntegrations, remoteIntegrations } from "./commands/integrations.js";
import { kbAddCommand, kbListCommand, kbRemoveCommand, kbSearchCommand } from "./commands/kb.js";
import { keysCreateCommand, keysListCommand, keysRevokeCommand } from "./commands/keys.js";
import { remoteAppsList, remoteKeysCreate, remoteKeysList, remoteKeysRevoke } from "./commands/remote-commands.js";
import { replayCommand } from "./commands/replay.js";
import { runsCommand } from "./commands/runs.js";
import { localSlack, remoteSlack, slackCommand } from "./commands/slack.js";
import { CliError, createOutput } from "./output.js";
import { RemoteApi } from "./remote.js";

/** Commands that go over HTTP when SUPPORT_API_URL and SUPPORT_API_KEY are set. */
const REMOTE_COMMANDS = new Set([
  "apps list",
  "apps integrate",
  "apps health",
  "apps rotate-secret",
  "apps remove-old-secret",
  "keys create",
  "keys list",
  "keys revoke",
  "channels set",
  "channels list",
  "channels test",
  "drafts list",
  "drafts show",
  "drafts approve",
  "drafts reject",
  "runs list",
  "runs retry",
  "slack connect",
  "slack status",
]);

const USAGE = `Usage: skill <command> [options]

  init --name <product> [--org <organization>] [--new-key]
  apps list [--org <organization>]
  apps integrate --app <app> --url <url> [--secret <secret>] [--refund-auto-days N] [--refund-auto-below <cents>]
  apps health --app <app> | apps rotate-secret --app <app> [--secret <secret>] | apps remove-old-secret --app <app>
  keys create --name <name> [--role owner|admin|agent] | keys list | keys revoke <id>
  channels set <front|zendesk|whatsapp|email|web|generic> --app <app> [--secret …] [--api-token …]
      [--verify-token …] [--phone-number-id …] [--base-url …] [--callback-url …] [--smtp-url …] [--from …]
      [--agent-email …] [--agent-id …]
  channels list --app <app>
  channels test <channel> --app <app>
  kb add <path|url>... --app <app|shared> [--max-pages 50] | kb list [--app <app>]
  kb search "<query>" --app <app> [--k 5] [--mode bm25|dense|hybrid] | kb remove <source id>
  db migrate
  drafts list [--app <app>] [--status pending_approval|sent|…] | drafts show <id>
  drafts approve <id> [--text <edited reply>] | drafts reject <id> --reason <why>
  runs list [--status failed] | runs retry <run id>
  replay <conversation>          re-run the pipeline on it without storing or sending; prints each step
  slack connect --bot-token <xoxb-…> --signing-secret <secret> --channel <channel id> [--app <app>]
      [--summary-channel <channel id>] [--api-url <Slack Web API base URL>] | slack status
  eval triage --train <jsonl> --test <jsonl> [--shots k]
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
      app: { type: "string" },
      secret: { type: "string" },
      "api-token": { type: "string" },
      "verify-token": { type: "string" },
      "phone-number-id": { type: "string" },
      "base-url": { type: "string" },
      "callback-url": { type: "string" },
      "smtp-url": { type: "string" },
      from: { type: "string" },
      "agent-email": { type: "string" },
      status: { type: "string" },
      text: { type: "string" },
      reason: { type: "string" },
      "agent-id": { type: "string" },
      "bot-token": { type: "string" },
      "signing-secret": { type: "string" },
      channel: { type: "string" },
      "summary-channel": { type: "string" },
      "api-url": { type: "string" },
      url: { type: "string" },
      "refund-auto-days": { type: "string" },
      "refund-auto-below": { type: "string" },
      "new-key": { type: "boolean", default: false },
      train: { type: "string" },
      test: { type: "string" },
      shots: { type: "string" },
      dataset: { type: "string" },
      mode: { type: "string", default: "hybrid" },
      k: { type: "string" },
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
  const draftOpts = { id: arg, app: values.app, status: values.status, text: values.text, reason: values.reason };
  const channelOpts = {
    app: values.app,
    kind: arg,
    flags: {
      secret: values.secret,
      "api-token": values["api-token"],
      "verify-token": values["verify-token"],
      "phone-number-id": values["phone-number-id"],
      "base-url": values["base-url"],
      "callback-url": values["callback-url"],
      "smtp-url": values["smtp-url"],
      from: values.from,
      "agent-email": values["agent-email"],
      "agent-id": values["agent-id"],
    },
  };
  if (route === "eval retrieval") {
    if (!values.dataset) throw new CliError("eval retrieval needs --dataset <dir>");
    return evalRetrievalCommand(out, {
      dataset: values.dataset,
      mode: values.mode ?? "hybrid",
      k: Number(values.k ?? 100),
      run: values.run,
    });
  }
  const slackFlags = {
    "bot-token": values["bot-token"],
    "signing-secret": values["signing-secret"],
    channel: values.channel,
    "summary-channel": values["summary-channel"],
    app: values.app,
    "api-url": values["api-url"],
  };
  const integrationOpts = {
    app: values.app,
    url: values.url,
    secret: values.secret,
    refundAutoDays: values["refund-auto-days"],
    refundAutoBelow: values["refund-auto-below"],
  };
  const isIntegration = command === "apps" && sub !== "list";
  if (config.remote && REMOTE_COMMANDS.has(route)) {
    const api = new RemoteApi(config.remote.url, config.remote.apiKey);
    if (command === "channels") return channelsCommand(remoteChannels(api), out, sub, channelOpts);
    if (command === "drafts") return draftsCommand(remoteDrafts(api), out, sub, draftOpts);
    if (command === "runs") return runsCommand({ api }, out, sub, { id: arg, status: values.status });
    if (command === "slack") return slackCommand(remoteSlack(api), out, sub, slackFlags);
    if (isIntegration) return integrationsCommand(remoteIntegrations(api), out, sub, integrationOpts);
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
  if (route === "eval triage") return evalTriageCommand(out, values);
  const runtime = await openRuntime(config, { migrate: command === "db" || command === "init" || command === "kb" });
  try {
    if (command === "channels") return await channelsCommand(localChannels(runtime, values.org), out, sub, channelOpts);
    if (command === "drafts") return await draftsCommand(localDrafts(runtime, values.org), out, sub, draftOpts);
    if (command === "replay") return await replayCommand(runtime, out, { org: values.org, conversation: sub });
    if (command === "runs")
      return await runsCommand({ runtime, org: values.org }, out, sub, { id: arg, status: values.status });
    if (command === "slack") return await slackCommand(localSlack(runtime, values.org), out, sub, slackFlags);
    if (isIntegration) {
      return await integrationsCommand(localIntegrations(runtime, values.org), out, sub, integrationOpts);
    }
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
