import type { MessageId } from "../i18n/translator.js";
import type { Role } from "./types.js";

const RANK: Record<Role, number> = { agent: 1, admin: 2, owner: 3 };

/** Same ordering as the API's requireRole: the UI hides what the API would refuse. */
export function roleAtLeast(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}

export const ROLE_LABEL: Record<Role, MessageId> = {
  owner: "common.role.owner",
  admin: "common.role.admin",
  agent: "common.role.agent",
};
