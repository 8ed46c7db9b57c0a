import type { Product } from "@support/product";
import { type Check, redact } from "../doctor/check.js";
import { adapterChecks, databaseChecks } from "../doctor/configuration.js";
import { tenantChecks } from "../doctor/tenants.js";
import type { Output } from "../output.js";

const LABEL = { ok: "ok  ", warn: "warn", fail: "FAIL" } as const;

/** `skill doctor`: every adapter of the configuration and every tenant's Slack and channels. */
export async function doctorCommand(runtime: Product, out: Output) {
  const { config } = runtime;
  const database = await databaseChecks(runtime);
  const [adapters, tenants] = await Promise.all([
    adapterChecks(runtime),
    database.usable ? tenantChecks(runtime) : { checks: [], secrets: [] },
  ]);
  const secrets = [
    config.secretsKey,
    config.anthropic?.apiKey,
    config.vectors?.token,
    config.langfuse?.secretKey,
    config.axiom?.token,
    config.stripe?.secretKey,
    config.stripe?.webhookSecret,
    config.inngest.mode === "cloud" ? config.inngest.signingKey : undefined,
    config.inngest.mode === "cloud" ? config.inngest.eventKey : undefined,
    ...tenants.secrets,
  ].filter((s): s is string => Boolean(s));
  const checks: Check[] = [...database.checks, ...adapters, ...tenants.checks].map((c) => ({
    ...c,
    message: redact(c.message, secrets),
  }));
  const ok = checks.every((c) => c.status !== "fail");
  const width = Math.max(...checks.map((c) => c.name.length)) + 2;
  out.result({ ok, checks }, () => checks.map((c) => `${LABEL[c.status]} ${c.name.padEnd(width)}${c.message}`));
  if (!ok) out.fail();
}
