import { parseArgs } from "node:util";
import { CliError } from "./output.js";

/** Every flag any command takes; parsing never loads a command's module. */
export function parseCliArgs(argv: string[]) {
  return parseArgs({
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
      actions: { type: "string" },
      "no-actions": { type: "boolean", default: false },
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
      "owner-email": { type: "string" },
      train: { type: "string" },
      test: { type: "string" },
      shots: { type: "string" },
      dataset: { type: "string" },
      mode: { type: "string", default: "hybrid" },
      k: { type: "string" },
      "max-pages": { type: "string" },
      run: { type: "string" },
      calibrate: { type: "boolean", default: false },
      template: { type: "string" },
      version: { type: "string" },
      transcript: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      currency: { type: "string" },
      mapping: { type: "string" },
      q: { type: "string" },
      stage: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      token: { type: "string" },
      list: { type: "string" },
      parent: { type: "string" },
      to: { type: "string" },
      limit: { type: "string" },
    },
  });
}

export type CliValues = ReturnType<typeof parseCliArgs>["values"];

/** One parsed command line: `skill <command> <sub> <arg> ... --flags`. */
export interface Invocation {
  command: string;
  sub?: string;
  arg?: string;
  /** `command sub`, e.g. "apps list". */
  route: string;
  positionals: string[];
  values: CliValues;
}

export function invocationOf(argv: string[]): Invocation | undefined {
  const { values, positionals } = parseCliArgs(argv);
  const [command, sub, arg] = positionals;
  if (values.help || !command) return undefined;
  return { command, sub, arg, route: `${command} ${sub ?? ""}`.trim(), positionals, values };
}

/** `skill keys <sub>` that act on an app's webhook signing keys rather than on API keys. */
export const isSigningKeyCommand = ({ command, sub }: Invocation) =>
  command === "keys" && (sub === "signing" || sub === "rotate" || sub === "remove-old");

export const channelOptions = ({ values, arg }: Invocation) => ({
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
});

export const draftOptions = ({ values, arg }: Invocation) => ({
  id: arg,
  app: values.app,
  status: values.status,
  text: values.text,
  reason: values.reason,
  actions: values.actions,
  noActions: values["no-actions"],
});

export const slackFlags = ({ values }: Invocation) => ({
  "bot-token": values["bot-token"],
  "signing-secret": values["signing-secret"],
  channel: values.channel,
  "summary-channel": values["summary-channel"],
  app: values.app,
  "api-url": values["api-url"],
});

export const integrationOptions = ({ values }: Invocation) => ({
  app: values.app,
  url: values.url,
  secret: values.secret,
  refundAutoDays: values["refund-auto-days"],
  refundAutoBelow: values["refund-auto-below"],
});

export const evalRetrievalOptions = ({ values }: Invocation) => {
  if (!values.dataset) throw new CliError("eval retrieval needs --dataset <dir>");
  return {
    dataset: values.dataset,
    mode: values.mode ?? "hybrid",
    k: Number(values.k ?? 100),
    run: values.run,
    app: values.app,
  };
};

export const kbAddOptions = ({ values, positionals }: Invocation) => {
  if (!values.app) throw new CliError("kb add needs --app <app> (or --app shared)");
  return {
    app: values.app,
    inputs: positionals.slice(2),
    maxPages: values["max-pages"] ? Number(values["max-pages"]) : undefined,
  };
};

export const kbSearchOptions = ({ values, positionals, arg }: Invocation) => {
  if (!values.app || !arg) throw new CliError('kb search needs "<query>" and --app <app>');
  return {
    app: values.app,
    query: positionals.slice(2).join(" "),
    k: Number(values.k ?? 5),
    mode: values.mode ?? "hybrid",
  };
};

export const procedureOptions = ({ values, arg }: Invocation) => ({
  app: values.app,
  arg,
  template: values.template,
  version: values.version,
  transcript: values.transcript,
  token: values.token,
  list: values.list,
  parent: values.parent,
  apiUrl: values["api-url"],
});
