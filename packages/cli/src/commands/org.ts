import { slugify } from "@support/core";
import { findOrganizationBySlug, type Organization } from "@support/db";
import type { Product } from "@support/product";
import { CliError } from "../output.js";

/** Local mode acts on one organization: the named one, or "Default". */
export async function resolveOrg(runtime: Product, name = "Default"): Promise<Organization> {
  const org = await findOrganizationBySlug(runtime.database.db, slugify(name) || "default");
  if (!org)
    throw new CliError(`organization "${name}" not found: run \`skill init --name <product> --org "${name}"\` first`);
  return org;
}
