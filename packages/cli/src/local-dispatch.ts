import type { Config } from "@support/product/config";
import type { Invocation } from "./args.js";
import { CliError, type Output } from "./output.js";

/** A command on the local DATA_DIR. Commands that need no database never open the runtime. */
export async function runLocal(config: Config, inv: Invocation, out: Output) {
  const { route, values } = inv;
  if (route === "eval retrieval") {
    if (!values.dataset) throw new CliError("eval retrieval needs --dataset <dir>");
    const { evalRetrievalCommand } = await import("./commands/eval-retrieval.js");
    return evalRetrievalCommand(out, {
      dataset: values.dataset,
      mode: values.mode ?? "hybrid",
      k: Number(values.k ?? 100),
      run: values.run,
    });
  }
  if (route === "eval triage") {
    const { evalTriageCommand } = await import("./commands/eval-triage.js");
    return evalTriageCommand(out, values);
  }
  const { openProduct } = await import("@support/product");
  const migrate = inv.command === "db" || inv.command === "init" || inv.command === "kb";
  const runtime = await openProduct(config, { migrate });
  try {
    const { runOnRuntime } = await import("./runtime-commands.js");
    return await runOnRuntime(runtime, inv, out);
  } finally {
    await runtime.database.close();
  }
}
