import { CreateOrgForm } from "../components/CreateOrgForm.js";
import { SignOutButton } from "../components/SignOutButton.js";
import { useResetSession, useSession } from "../hooks/useSession.js";
import { useT } from "../i18n/useT.js";
import { authClient } from "../lib/auth-client.js";

/** Signed in but no active organization: pick one or create one (invitations arrive as links). */
export function OrgSetupPage() {
  const t = useT();
  const { organizations, user } = useSession();
  const reset = useResetSession();
  const choose = async (id: string) => {
    await authClient.setActive(id);
    await reset();
  };
  return (
    <main className="auth" id="main">
      <h1>{t("auth.welcome", { name: user?.name ?? "" })}</h1>
      <p>{t("auth.openInvitationHint")}</p>
      {organizations.length > 0 && (
        <section aria-labelledby="orgs-title">
          <h2 id="orgs-title">{t("auth.yourOrganizations")}</h2>
          <ul className="list">
            {organizations.map((org) => (
              <li key={org.id}>
                <button type="button" onClick={() => void choose(org.id)}>
                  {t("auth.openOrganization", { name: org.name })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="new-org-title">
        <h2 id="new-org-title">{t("auth.createOrganization.title")}</h2>
        <p>{t("auth.createOrganization.hint")}</p>
        <CreateOrgForm />
      </section>
      <SignOutButton />
    </main>
  );
}
