import { createApiKey, publicApiKey, ROLES, type Role } from "@support/core";
import { appendAudit, listApiKeys, revokeApiKey } from "@support/db";
import type { Product } from "@support/product";
import { keyLine } from "../format.js";
import { CliError, type Output } from "../output.js";
import { resolveOrg } from "./org.js";

export async function keysCreateCommand(
  runtime: Product,
  out: Output,
  opts: { org?: string; name: string; role: string },
) {
  if (!ROLES.includes(opts.role as Role)) throw new CliError(`--role must be one of ${ROLES.join(", ")}`);
  const org = await resolveOrg(runtime, opts.org);
  const { key, token } = await createApiKey(runtime.database.db, org.id, { name: opts.name, role: opts.role as Role });
  await appendAudit(runtime.database.db, org.id, { actor: "cli", action: "api_key.created", subject: key.id });
  out.result({ ...publicApiKey(key), token }, () => [
    `Created ${key.role} key ${key.id}. Token (shown once): ${token}`,
  ]);
}

export async function keysListCommand(runtime: Product, out: Output, opts: { org?: string }) {
  const org = await resolveOrg(runtime, opts.org);
  const keys = (await listApiKeys(runtime.database.db, org.id)).map(publicApiKey);
  out.result({ data: keys }, () => keys.map(keyLine));
}

export async function keysRevokeCommand(runtime: Product, out: Output, opts: { org?: string; id: string }) {
  const org = await resolveOrg(runtime, opts.org);
  if (!(await revokeApiKey(runtime.database.db, org.id, opts.id))) throw new CliError(`API key ${opts.id} not found`);
  await appendAudit(runtime.database.db, org.id, { actor: "cli", action: "api_key.revoked", subject: opts.id });
  out.result({ id: opts.id, revoked: true }, () => [`Revoked ${opts.id}.`]);
}
