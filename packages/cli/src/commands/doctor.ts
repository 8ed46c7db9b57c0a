import type { Runtime } from "@support/core";
import type { Output } from "../output.js";

export async function doctorCommand(runtime: Runtime, out: Output) {
  const { config, database } = runtime;
  const checks: { name: string; ok: boolean; detail: string }[] = [];
  checks.push({ name: "configuration", ok: true, detail: config.embedded ? "embedded default" : "production" });
  try {
    await database.ping();
    checks.push({ name: "database", ok: true, detail: `${database.dialect} reachable` });
    await database.db.q.select().from(database.db.t.organizations).limit(1);
    checks.push({ name: "migrations", ok: true, detail: "applied" });
  } catch (error) {
    checks.push({ name: "database", ok: false, detail: error instanceof Error ? error.message : String(error) });
  }
  checks.push({
    name: "secrets",
    ok: true,
    detail: config.secretsKey ? "SECRETS_KEY configured" : `generated key in ${config.dataDir}`,
  });
  const ok = checks.every((c) => c.ok);
  out.result({ ok, checks }, () => checks.map((c) => `${c.ok ? "ok  " : "FAIL"} ${c.name.padEnd(14)} ${c.detail}`));
  if (!ok) out.fail();
}
