import {
  channelOptions,
  draftOptions,
  evalRetrievalOptions,
  type Invocation,
  integrationOptions,
  isSigningKeyCommand,
  procedureOptions,
  slackFlags,
} from "./args.js";
import { CliError, type Output } from "./output.js";
import { RemoteApi } from "./remote.js";

/** A command against a running server: only HTTP, no database, no engine, no product modules. */
export async function runRemote(remote: { url: string; apiKey: string }, inv: Invocation, out: Output) {
  const api = new RemoteApi(remote.url, remote.apiKey);
  const { command, sub, arg, route, values } = inv;
  switch (command) {
    case "channels": {
      const { channelsCommand, remoteChannels } = await import("./commands/channels.js");
      return channelsCommand(remoteChannels(api), out, sub, channelOptions(inv));
    }
    case "drafts": {
      const { draftsCommand, remoteDrafts } = await import("./commands/drafts.js");
      return draftsCommand(remoteDrafts(api), out, sub, draftOptions(inv));
    }
    case "replay": {
      if (!sub) throw new CliError("replay needs the conversation id");
      const { remoteReplay, replayCommand } = await import("./commands/replay.js");
      return replayCommand(remoteReplay(api), out, sub);
    }
    case "runs": {
      const { runsCommand, remoteRuns } = await import("./commands/runs.js");
      return runsCommand(remoteRuns(api), out, sub, { id: arg, status: values.status });
    }
    case "slack": {
      const { remoteSlack, slackCommand } = await import("./commands/slack.js");
      return slackCommand(remoteSlack(api), out, sub, slackFlags(inv));
    }
    case "kb": {
      const { kbCommand, remoteKb } = await import("./commands/kb.js");
      return kbCommand(remoteKb(api), inv, out);
    }
    case "conversations": {
      const { conversationsCommand, remoteConversations } = await import("./commands/conversations.js");
      return conversationsCommand(remoteConversations(api), out, sub, { id: arg, text: values.text });
    }
  }
  if (command === "catalog") {
    const { catalogCommand, remoteCatalog } = await import("./commands/catalog.js");
    return catalogCommand(remoteCatalog(api), inv, out);
  }
  if (command === "leads") {
    const { leadsCommand, remoteLeads } = await import("./commands/leads.js");
    return leadsCommand(remoteLeads(api), inv, out);
  }
  if (route === "eval retrieval") {
    const { evalRetrievalCommand, remoteEvaluator } = await import("./commands/eval-retrieval.js");
    return evalRetrievalCommand(out, evalRetrievalOptions(inv), { app: remoteEvaluator(api) });
  }
  if (command === "apps" && sub !== "list") {
    const { integrationsCommand, remoteIntegrations } = await import("./commands/integrations.js");
    return integrationsCommand(remoteIntegrations(api), out, sub, integrationOptions(inv));
  }
  if (isSigningKeyCommand(inv)) {
    const { remoteSigningKeys, signingKeysCommand } = await import("./commands/signing-keys.js");
    return signingKeysCommand(remoteSigningKeys(api), out, sub, values.app);
  }
  if (command === "categories") {
    const { categoriesCommand, remoteCategories } = await import("./commands/categories.js");
    return categoriesCommand(remoteCategories(api), out, sub, { app: values.app, file: arg });
  }
  if (command === "procedures") {
    const { proceduresCommand, remoteProcedures } = await import("./commands/procedures.js");
    return proceduresCommand(remoteProcedures(api), out, sub, procedureOptions(inv));
  }
  if (command === "widget") {
    const { remoteWidget, widgetCommand } = await import("./commands/widget.js");
    return widgetCommand(remoteWidget(api), out, sub, values.app);
  }
  if (command === "front-plugin") {
    const { frontPluginCommand, remoteFrontPlugin } = await import("./commands/front-plugin.js");
    return frontPluginCommand(remoteFrontPlugin(api), out, sub);
  }
  const remoteCommands = await import("./commands/remote-commands.js");
  switch (route) {
    case "apps list":
      return remoteCommands.remoteAppsList(api, out);
    case "keys create":
      if (!values.name) throw new CliError("keys create needs --name <name>");
      return remoteCommands.remoteKeysCreate(api, out, { name: values.name, role: values.role ?? "admin" });
    case "keys list":
      return remoteCommands.remoteKeysList(api, out);
    default:
      if (!arg) throw new CliError("keys revoke needs the key id");
      return remoteCommands.remoteKeysRevoke(api, out, arg);
  }
}
