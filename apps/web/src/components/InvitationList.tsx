import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useResetSession } from "../hooks/useSession.js";
import { authClient } from "../lib/auth-client.js";
import { ErrorNote } from "./ErrorNote.js";

/** Invitations addressed to the signed-in user's email, each one click from joining. */
export function InvitationList() {
  const invitations = useQuery({ queryKey: ["my-invitations"], queryFn: authClient.myInvitations });
  const [error, setError] = useState<unknown>(null);
  const reset = useResetSession();
  const pending = (invitations.data ?? []).filter((i) => i.status === "pending");
  if (pending.length === 0) return null;
  const accept = async (id: string) => {
    try {
      await authClient.acceptInvitation(id);
      await reset();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations for you</h2>
      <ul className="list">
        {pending.map((invitation) => (
          <li key={invitation.id}>
            {invitation.organizationName ?? "An organization"} invites you as {invitation.role}.{" "}
            <button type="button" className="primary" onClick={() => void accept(invitation.id)}>
              Accept invitation
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </section>
  );
}
