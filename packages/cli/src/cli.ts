import { type Invocation, invocationOf } from "./args.js";
import { createOutput } from "./output.js";
import { USAGE } from "./usage.js";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The environment to configure from; the process environment when absent. */
  env?: Record<string, string | undefined>;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Commands that go over HTTP when SUPPORT_API_URL and SUPPORT_API_KEY are set. */
const REMOTE_ROUTES = new Set([
  "apps list",
  "apps integrate",
  "apps health",
  "apps rotate-secret",
  "apps remove-old-secret",
  "keys create",
  "keys list",
  "keys revoke",
  "keys signing",
  "keys rotate",
  "keys remove-old",
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
  "kb add",
  "kb list",
  "kb search",
  "kb remove",
  "eval retrieval",
  "conversations reply",
  "conversations resend",
  "conversations takeover",
  "conversations release",
  "categories show",
  "categories set",
  "categories reset",
  "procedures add",
  "procedures list",
  "procedures show",
  "procedures remove",
  "procedures test",
  "catalog import",
  "catalog list",
  "procedures connect",
  "leads list",
  "widget show",
  "widget rotate",
  "front-plugin show",
  "front-plugin rotate",
]);

/** Commands whose second word is an argument (`skill replay <conversation>`), remote as a whole. */
const REMOTE_COMMANDS = new Set(["replay"]);

/**
 * `eval retrieval` without `--app` needs neither a server nor the DATA_DIR (it indexes the
 * dataset's own corpus into a throwaway database), so it runs here even in remote mode.
 */
const goesRemote = ({ route, values }: Invocation) =>
  REMOTE_ROUTES.has(route) && !(route === "eval retrieval" && !values.app);

/**
 * Runs one command line and answers its exit code. Each command's modules are imported when it
 * runs, so `--help` loads nothing and remote mode never loads the database or the engine.
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const invocation = invocationOf(argv);
    if (!invocation) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const out = createOutput(invocation.values.json ?? false, io.stdout);
    const { loadConfig } = await import("@support/product/config");
    const config = io.env ? loadConfig(io.env) : loadConfig();
    if (config.remote && (goesRemote(invocation) || REMOTE_COMMANDS.has(invocation.command))) {
      const { runRemote } = await import("./remote-dispatch.js");
      await runRemote(config.remote, invocation, out);
    } else {
      const { runLocal } = await import("./local-dispatch.js");
      await runLocal(config, invocation, out);
    }
    return out.failed ? 1 : 0;
  } catch (error) {
    // Config errors list every bad variable; anything else is one line, never a stack.
    const message = error instanceof Error ? error.message : String(error);
    const configError = error instanceof Error && "code" in error && error.code === "config_invalid";
    io.stderr(`skill: ${configError ? message : message.split("\n")[0]}\n`);
    return 1;
  }
}
