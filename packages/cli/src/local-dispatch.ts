import type { Config } from "@support/product/config";
import { evalRetrievalOptions, type Invocation } from "./args.js";
import type { Output } from "./output.js";

/** A command on the local DATA_DIR. Commands that need no database never open the runtime. */
export async function runLocal(config: Config, inv: Invocation, out: Output) {
  const { route, values } = inv;
  if (route === "eval retrieval" && !values.app) {
    const [{ evalRetrievalCommand }, { throwawayEvaluator }] = await Promise.all([
      import("./commands/eval-retrieval.js"),
      import("./commands/eval-retrieval-local.js"),
    ]);
    return evalRetrievalCommand(out, evalRetrievalOptions(inv), { corpus: throwawayEvaluator });
  }
  if (route === "eval answers") {
    const [{ evalAnswersCommand }, { throwawayAnswersEvaluator }] = await Promise.all([
      import("./commands/eval-answers.js"),
      import("./commands/eval-answers-local.js"),
    ]);
    return evalAnswersCommand(out, values, throwawayAnswersEvaluator);
  }
  if (route === "eval triage") {
    const { evalTriageCommand } = await import("./commands/eval-triage.js");
    return evalTriageCommand(out, values);
  }
  const { openProduct } = await import("@support/product");
  const migrate = inv.command === "db" || inv.command === "init" || inv.command === "kb" || inv.command === "catalog";
  const runtime = await openProduct(config, { migrate });
  try {
    const { runOnRuntime } = await import("./runtime-commands.js");
    return await runOnRuntime(runtime, inv, out);
  } finally {
    await runtime.database.close();
  }
}
