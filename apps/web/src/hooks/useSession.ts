import { useQuery, useQueryClient } from "@tanstack/react-query";
import { authClient } from "../lib/auth-client.js";
import type { Role } from "../lib/types.js";

/** The signed-in user, their organizations and their role in the active one. */
export function useSession() {
  const session = useQuery({ queryKey: ["session"], queryFn: authClient.session });
  const signedIn = Boolean(session.data?.user);
  const organizations = useQuery({ queryKey: ["organizations"], queryFn: authClient.organizations, enabled: signedIn });
  const activeOrgId = session.data?.session.activeOrganizationId ?? null;
  const member = useQuery({
    queryKey: ["active-member", activeOrgId],
    queryFn: authClient.activeMember,
    enabled: Boolean(activeOrgId),
  });
  return {
    loading: session.isPending || (signedIn && organizations.isPending),
    user: session.data?.user ?? null,
    organizations: organizations.data ?? [],
    activeOrgId,
    role: (member.data?.role ?? null) as Role | null,
  };
}

/** After sign-in, sign-out or an organization switch every cached answer belongs to someone else. */
export function useResetSession() {
  const client = useQueryClient();
  return () => client.resetQueries();
}
