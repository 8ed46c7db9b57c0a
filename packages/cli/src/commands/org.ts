import type { Organization } from "@support/core";
import { OPERATOR, resolveOrganization, type ServiceContext } from "@support/core";
import type { Product } from "@support/product";

/**
 * Local mode acts on one organization of the data folder: the one `--org` names (slug or name),
 * or the only one there is. The operator holds the data folder, so they act with the owner's role.
 */
export async function resolveOrg(runtime: Product, ref?: string): Promise<Organization> {
  return resolveOrganization(runtime.database, ref);
}

/** The service context of a local command: that organization, the operator as actor. */
export async function localContext(runtime: Product, ref?: string): Promise<ServiceContext> {
  const org = await resolveOrg(runtime, ref);
  return runtime.contextFor(org.id, OPERATOR);
}
