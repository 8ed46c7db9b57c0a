import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNote } from "../components/ErrorNote.js";
import { SignOutButton } from "../components/SignOutButton.js";
import { navigate } from "../hooks/useRoute.js";
import { useResetSession } from "../hooks/useSession.js";
import { useT } from "../i18n/useT.js";
import { authClient } from "../lib/auth-client.js";
import { ROLE_LABEL } from "../lib/roles.js";

/** `/invite/<id>`: the link an admin shares; the invited email accepts and lands in the organization. */
export function AcceptInvitationPage({ id }: { id: string }) {
  const t = useT();
  const invitation = useQuery({ queryKey: ["invitation", id], queryFn: () => authClient.invitation(id), retry: false });
  const [error, setError] = useState<unknown>(null);
  const reset = useResetSession();
  const accept = async () => {
    try {
      await authClient.acceptInvitation(id);
      await authClient.setActive(invitation.data?.organizationId ?? "");
      navigate("/");
      await reset();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <main className="auth" id="main">
      <h1>{t("auth.invitation.title")}</h1>
      <ErrorNote error={invitation.error} />
      {invitation.data && (
        <>
          <p>
            {t("auth.invitation.text", {
              organization: invitation.data.organizationName ?? t("auth.invitation.someOrganization"),
              email: invitation.data.email,
              role: t(ROLE_LABEL[invitation.data.role]),
            })}
          </p>
          <button type="button" className="primary" onClick={() => void accept()}>
            {t("auth.invitation.accept")}
          </button>
        </>
      )}
      <ErrorNote error={error} />
      <p>
        <button type="button" className="link" onClick={() => navigate("/")}>
          {t("auth.invitation.notNow")}
        </button>
      </p>
      <SignOutButton />
    </main>
  );
}
