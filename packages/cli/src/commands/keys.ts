import { createApiKey, listApiKeyViews, ROLES, type Role, revokeKey } from "@support/core";
import type { Product } from "@support/product";
import { keyLine } from "../format.js";
import { CliError, type Output } from "../output.js";
import { localContext } from "./org.js";

export async function keysCreateCommand(
  runtime: Product,
  out: Output,
  opts: { org?: string; name: string; role: string },
) {
  if (!ROLES.includes(opts.role as Role)) throw new CliError(`--role must be one of ${ROLES.join(", ")}`);
  const created = await createApiKey(await localContext(runtime, opts.org), {
    name: opts.name,
    role: opts.role as Role,
  });
  out.result(created, () => [`Created ${created.role} key ${created.id}. Token (shown once): ${created.token}`]);
}

export async function keysListCommand(runtime: Product, out: Output, opts: { org?: string }) {
  const keys = await listApiKeyViews(await localContext(runtime, opts.org));
  out.result({ data: keys }, () => keys.map(keyLine));
}

export async function keysRevokeCommand(runtime: Product, out: Output, opts: { org?: string; id: string }) {
  const revoked = await revokeKey(await localContext(runtime, opts.org), opts.id);
  out.result(revoked, () => [`Revoked ${opts.id}.`]);
}
