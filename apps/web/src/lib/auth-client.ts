import { api } from "./api.js";
import type { Role } from "./types.js";

/** better-auth's endpoints under /api/auth (email and password, organization plugin). */
export interface Session {
  user: { id: string; email: string; name: string };
  session: { activeOrganizationId: string | null };
}

export interface Organization {
  id: string;
  name: string;
  slug: string;
}

export interface Invitation {
  id: string;
  organizationId: string;
  email: string;
  role: Role;
  status: string;
  organizationName?: string;
}

export interface Member {
  id: string;
  userId: string;
  role: Role;
  user: { email: string; name: string };
}

export const authClient = {
  session: () => api<Session | null>("/api/auth/get-session"),
  /** Sign-up answers the same whether the email is new or taken, and signs nobody in: sign in next. */
  signUp: async (body: { name: string; email: string; password: string }) => {
    await api<unknown>("/api/auth/sign-up/email", { method: "POST", body });
    return api<unknown>("/api/auth/sign-in/email", {
      method: "POST",
      body: { email: body.email, password: body.password },
    });
  },
  signIn: (body: { email: string; password: string }) =>
    api<unknown>("/api/auth/sign-in/email", { method: "POST", body }),
  signOut: () => api<unknown>("/api/auth/sign-out", { method: "POST", body: {} }),
  organizations: () => api<Organization[]>("/api/auth/organization/list"),
  createOrganization: (body: { name: string; slug: string }) =>
    api<Organization>("/api/auth/organization/create", { method: "POST", body }),
  setActive: (organizationId: string) =>
    api<unknown>("/api/auth/organization/set-active", { method: "POST", body: { organizationId } }),
  activeMember: () => api<Member | null>("/api/auth/organization/get-active-member"),
  fullOrganization: () =>
    api<{ members: Member[]; invitations: Invitation[] } | null>("/api/auth/organization/get-full-organization"),
  invite: (body: { email: string; role: Role }) =>
    api<Invitation>("/api/auth/organization/invite-member", { method: "POST", body }),
  invitation: (id: string) => api<Invitation>(`/api/auth/organization/get-invitation?id=${encodeURIComponent(id)}`),
  /** Answers the same whether or not the address has an account. */
  requestPasswordReset: (email: string) =>
    api<unknown>("/api/auth/request-password-reset", {
      method: "POST",
      body: { email, redirectTo: "/reset-password" },
    }),
  resetPassword: (token: string, newPassword: string) =>
    api<unknown>("/api/auth/reset-password", { method: "POST", body: { token, newPassword } }),
  acceptInvitation: (invitationId: string) =>
    api<unknown>("/api/auth/organization/accept-invitation", { method: "POST", body: { invitationId } }),
};

/** A URL-safe slug from an organization or app name. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
