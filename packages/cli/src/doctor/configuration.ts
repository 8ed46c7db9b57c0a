import type { Product } from "@support/product";
import { type Check, check, reasonOf } from "./check.js";
import { probeModel, probeVectors, probeWorkflows } from "./probes.js";

/** The database first: nothing else can be checked without it. */
export async function databaseChecks({ database }: Product): Promise<{ checks: Check[]; usable: boolean }> {
  try {
    await database.ping();
  } catch (error) {
    return {
      checks: [check("database", "fail", `${database.dialect} unreachable: ${reasonOf(error)}`)],
      usable: false,
    };
  }
  const reachable = check("database", "ok", `${database.dialect} reachable`);
  try {
    await database.db.q.select().from(database.db.t.organizations).limit(1);
    return { checks: [reachable, check("migrations", "ok", "applied")], usable: true };
  } catch (error) {
    // The driver's own cause ("no such table") says more than the failed query's text.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : reasonOf(error);
    const message = `not applied (${cause.split("\n")[0]}): run skill db migrate`;
    return { checks: [reachable, check("migrations", "fail", message)], usable: false };
  }
}

/** Every adapter the configuration chooses (BRIEF §3), the reachable ones probed in parallel. */
export async function adapterChecks(runtime: Product): Promise<Check[]> {
  const { config } = runtime;
  const probed = await Promise.all([
    probeWorkflows(config.inngest, runtime.database.dialect),
    probeVectors(config.vectors),
    probeModel(config.anthropic),
  ]);
  return [
    check(
      "secrets",
      "ok",
      config.secretsKey
        ? "SECRETS_KEY configured"
        : `generated key in ${config.dataDir} (set SECRETS_KEY in production)`,
    ),
    ...probed,
    config.stripe
      ? check("payments", "ok", "Stripe Connect configured: apps can connect their account for refunds")
      : check("payments", "ok", 'Stripe not configured: refunds are recorded as "would refund"'),
    config.langfuse
      ? check("langfuse", "ok", "configured: pipeline runs and model calls are traced")
      : check("langfuse", "ok", "not configured: no LLM traces"),
    config.axiom
      ? check("axiom", "ok", `configured: logs also go to dataset ${config.axiom.dataset}`)
      : check("axiom", "ok", "not configured: logs go to stdout only"),
  ];
}
