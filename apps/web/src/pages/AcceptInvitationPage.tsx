import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNote } from "../components/ErrorNote.js";
import { SignOutButton } from "../components/SignOutButton.js";
import { navigate } from "../hooks/useRoute.js";
import { useResetSession } from "../hooks/useSession.js";
import { authClient } from "../lib/auth-client.js";

/** `/invite/<id>`: the link an admin shares; the invited email accepts and lands in the organization. */
export function AcceptInvitationPage({ id }: { id: string }) {
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
      <h1>Invitation</h1>
      <ErrorNote error={invitation.error} />
      {invitation.data && (
        <>
          <p>
            {invitation.data.organizationName ?? "An organization"} invites {invitation.data.email} as{" "}
            {invitation.data.role}.
          </p>
          <button type="button" className="primary" onClick={() => void accept()}>
            Accept invitation
          </button>
        </>
      )}
      <ErrorNote error={error} />
      <p>
        <button type="button" className="link" onClick={() => navigate("/")}>
          Not now
        </button>
      </p>
      <SignOutButton />
    </main>
  );
}
