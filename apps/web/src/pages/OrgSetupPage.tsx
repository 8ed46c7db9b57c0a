import { CreateOrgForm } from "../components/CreateOrgForm.js";
import { SignOutButton } from "../components/SignOutButton.js";
import { useResetSession, useSession } from "../hooks/useSession.js";
import { authClient } from "../lib/auth-client.js";

/** Signed in but no active organization: pick one or create one (invitations arrive as links). */
export function OrgSetupPage() {
  const { organizations, user } = useSession();
  const reset = useResetSession();
  const choose = async (id: string) => {
    await authClient.setActive(id);
    await reset();
  };
  return (
    <main className="auth" id="main">
      <h1>Welcome, {user?.name}</h1>
      <p>Invited by a teammate? Open the invitation link they shared while signed in as the invited email.</p>
      {organizations.length > 0 && (
        <section aria-labelledby="orgs-title">
          <h2 id="orgs-title">Your organizations</h2>
          <ul className="list">
            {organizations.map((org) => (
              <li key={org.id}>
                <button type="button" onClick={() => void choose(org.id)}>
                  Open {org.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="new-org-title">
        <h2 id="new-org-title">Create an organization</h2>
        <p>An organization holds your apps, channels, knowledge and teammates. You will be its owner.</p>
        <CreateOrgForm />
      </section>
      <SignOutButton />
    </main>
  );
}
