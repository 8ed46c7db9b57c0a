import type { Product } from "@support/product";
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

/** The commands that act on the opened runtime; each imports its own module when it runs. */
export async function runOnRuntime(runtime: Product, inv: Invocation, out: Output): Promise<void> {
  const { command, sub, arg, route, values } = inv;
  const org = values.org;
  switch (command) {
    case "channels": {
      const [{ channelsCommand }, { localChannels }] = await Promise.all([
        import("./commands/channels.js"),
        import("./commands/channels-local.js"),
      ]);
      return channelsCommand(localChannels(runtime, org), out, sub, channelOptions(inv));
    }
    case "drafts": {
      const [{ draftsCommand }, { localDrafts }] = await Promise.all([
        import("./commands/drafts.js"),
        import("./commands/drafts-local.js"),
      ]);
      return draftsCommand(localDrafts(runtime, org), out, sub, draftOptions(inv));
    }
    case "runs": {
      const [{ runsCommand }, { localRuns }] = await Promise.all([
        import("./commands/runs.js"),
        import("./commands/runs-local.js"),
      ]);
      return runsCommand(localRuns(runtime, org), out, sub, { id: arg, status: values.status });
    }
    case "slack": {
      const [{ slackCommand }, { localSlack }] = await Promise.all([
        import("./commands/slack.js"),
        import("./commands/slack-local.js"),
      ]);
      return slackCommand(localSlack(runtime, org), out, sub, slackFlags(inv));
    }
    case "conversations": {
      const [{ conversationsCommand }, { localConversations }] = await Promise.all([
        import("./commands/conversations.js"),
        import("./commands/conversations-local.js"),
      ]);
      return conversationsCommand(localConversations(runtime, org), out, sub, { id: arg, text: values.text });
    }
    case "replay": {
      if (!sub) throw new CliError("replay needs the conversation id");
      const [{ replayCommand }, { localReplay }] = await Promise.all([
        import("./commands/replay.js"),
        import("./commands/replay-local.js"),
      ]);
      return replayCommand(localReplay(runtime, org), out, sub);
    }
    case "init": {
      if (!values.name) throw new CliError("init needs --name <product>");
      const { initCommand } = await import("./commands/init.js");
      return initCommand(runtime, out, {
        name: values.name,
        org,
        newKey: values["new-key"] ?? false,
        ownerEmail: values["owner-email"],
      });
    }
    case "contacts": {
      const { contactsCommand } = await import("./commands/contacts.js");
      return contactsCommand(runtime, out, { org, sub, ref: arg });
    }
    case "doctor": {
      const { doctorCommand } = await import("./commands/doctor.js");
      return doctorCommand(runtime, out);
    }
  }
  if (command === "apps" && sub !== "list") {
    const [{ integrationsCommand }, { localIntegrations }] = await Promise.all([
      import("./commands/integrations.js"),
      import("./commands/integrations-local.js"),
    ]);
    return integrationsCommand(localIntegrations(runtime, org), out, sub, integrationOptions(inv));
  }
  if (isSigningKeyCommand(inv)) {
    const [{ signingKeysCommand }, { localSigningKeys }] = await Promise.all([
      import("./commands/signing-keys.js"),
      import("./commands/signing-keys-local.js"),
    ]);
    return signingKeysCommand(localSigningKeys(runtime, org), out, sub, values.app);
  }
  if (command === "categories") {
    const [{ categoriesCommand }, { localCategories }] = await Promise.all([
      import("./commands/categories.js"),
      import("./commands/categories-local.js"),
    ]);
    return categoriesCommand(localCategories(runtime, org), out, sub, { app: values.app, file: arg });
  }
  if (command === "procedures") {
    const [{ proceduresCommand }, { localProcedures }] = await Promise.all([
      import("./commands/procedures.js"),
      import("./commands/procedures-local.js"),
    ]);
    return proceduresCommand(localProcedures(runtime, org), out, sub, procedureOptions(inv));
  }
  switch (route) {
    case "apps list": {
      const { appsListCommand } = await import("./commands/apps.js");
      return appsListCommand(runtime, out, { org });
    }
    case "keys create": {
      if (!values.name) throw new CliError("keys create needs --name <name>");
      const { keysCreateCommand } = await import("./commands/keys.js");
      return keysCreateCommand(runtime, out, { org, name: values.name, role: values.role ?? "admin" });
    }
    case "keys list": {
      const { keysListCommand } = await import("./commands/keys.js");
      return keysListCommand(runtime, out, { org });
    }
    case "keys revoke": {
      if (!arg) throw new CliError("keys revoke needs the key id");
      const { keysRevokeCommand } = await import("./commands/keys.js");
      return keysRevokeCommand(runtime, out, { org, id: arg });
    }
    case "billing sync": {
      const { billingSyncCommand } = await import("./commands/billing.js");
      return billingSyncCommand(runtime, out, { org });
    }
    case "db migrate":
      return out.result({ migrated: true, dialect: runtime.database.dialect }, () => [
        `Migrations applied (${runtime.database.dialect}).`,
      ]);
  }
  if (command === "catalog") {
    const [{ catalogCommand }, { localCatalog }] = await Promise.all([
      import("./commands/catalog.js"),
      import("./commands/catalog-local.js"),
    ]);
    return catalogCommand(localCatalog(runtime, org), inv, out);
  }
  if (command === "leads") {
    const [{ leadsCommand }, { localLeads }] = await Promise.all([
      import("./commands/leads.js"),
      import("./commands/leads-local.js"),
    ]);
    return leadsCommand(localLeads(runtime, org), inv, out);
  }
  if (command === "mail") {
    const { mailCommand } = await import("./commands/mail.js");
    return mailCommand(runtime, inv, out);
  }
  if (command === "kb") {
    const [kb, { localKb }] = await Promise.all([import("./commands/kb.js"), import("./commands/kb-local.js")]);
    return kb.kbCommand(localKb(runtime, org), inv, out);
  }
  if (route === "eval retrieval") {
    const [{ evalRetrievalCommand }, { localEvaluator }] = await Promise.all([
      import("./commands/eval-retrieval.js"),
      import("./commands/eval-retrieval-local.js"),
    ]);
    return evalRetrievalCommand(out, evalRetrievalOptions(inv), { app: localEvaluator(runtime, org) });
  }
  if (command === "widget") {
    const [{ widgetCommand }, { localWidget }] = await Promise.all([
      import("./commands/widget.js"),
      import("./commands/widget-local.js"),
    ]);
    return widgetCommand(localWidget(runtime, org), out, sub, values.app);
  }
  if (command === "front-plugin") {
    const [{ frontPluginCommand }, { localFrontPlugin }] = await Promise.all([
      import("./commands/front-plugin.js"),
      import("./commands/front-plugin-local.js"),
    ]);
    return frontPluginCommand(localFrontPlugin(runtime, org), out, sub);
  }
  throw new CliError(`unknown command "${route}"; run skill --help`);
}
