import type { Db } from "@support/db";
import { findMember } from "@support/db";
import { ROLES, type Role } from "../service/context.js";

/** A signed-in user's role in an organization, or undefined when they are not a member. */
export async function memberRole(db: Db, orgId: string, userId: string): Promise<Role | undefined> {
  const member = await findMember(db, orgId, userId);
  return member && ROLES.includes(member.role as Role) ? (member.role as Role) : undefined;
}
