import { createOrganization, type Database, listOrganizations, type Organization } from "@support/db";

export type { Organization };

import { AppError } from "../service/errors.js";
import { slugify } from "./apps.js";

/**
 * The organization an operator means: the one named by slug or name (case does not matter), or,
 * when none is named, the only one there is. The error lists the choices.
 */
export async function resolveOrganization(db: Database, ref?: string): Promise<Organization> {
  const organizations = await listOrganizations(db);
  const choices = () => organizations.map((o) => `"${o.slug}"${o.name !== o.slug ? ` (${o.name})` : ""}`).join(", ");
  if (ref === undefined) {
    const [only] = organizations;
    if (organizations.length === 1 && only) return only;
    if (organizations.length === 0)
      throw new AppError("not_found", "there is no organization yet: run `skill init --name <product>` first");
    throw new AppError(
      "invalid_input",
      `there are ${organizations.length} organizations: pass --org, one of ${choices()}`,
    );
  }
  const wanted = ref.trim().toLowerCase();
  const found =
    organizations.find((o) => o.slug === wanted) ??
    organizations.find((o) => o.name.toLowerCase() === wanted) ??
    organizations.find((o) => o.slug === slugify(ref));
  if (found) return found;
  throw new AppError(
    "not_found",
    organizations.length === 0
      ? `organization "${ref}" not found: there is none yet, run \`skill init --name <product> --org "${ref}"\``
      : `organization "${ref}" not found; choose one of ${choices()}`,
  );
}

/** The organization with this slug, created with that name when it does not exist yet. */
export async function ensureOrganization(
  db: Database,
  input: { name: string; slug: string },
): Promise<{ organization: Organization; created: boolean }> {
  const existing = (await listOrganizations(db)).find((o) => o.slug === input.slug);
  if (existing) return { organization: existing, created: false };
  return { organization: await createOrganization(db, input), created: true };
}
