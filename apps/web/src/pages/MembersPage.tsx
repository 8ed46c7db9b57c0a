import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { CopyField } from "../components/CopyField.js";
import { CreateOrgForm } from "../components/CreateOrgForm.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { useT } from "../i18n/useT.js";
import { authClient } from "../lib/auth-client.js";
import { ROLE_LABEL, roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

const invitationLink = (id: string) => `${window.location.origin}/invite/${id}`;

/** Members and pending invitations of the active organization; admins invite by email. */
export function MembersPage({ role }: { role: Role | null }) {
  const t = useT();
  const org = useQuery({ queryKey: ["full-organization"], queryFn: authClient.fullOrganization });
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ email: string; link: string } | null>(null);
  const invite = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    try {
      const invitation = await authClient.invite({ email, role: String(form.get("role")) as Role });
      setSent({ email, link: invitationLink(invitation.id) });
      setError(null);
      await client.invalidateQueries({ queryKey: ["full-organization"] });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      <h1>{t("members.title")}</h1>
      <ul className="list">
        {(org.data?.members ?? []).map((m) => (
          <li key={m.id}>
            {m.user.name} ({m.user.email}) · {t(ROLE_LABEL[m.role])}
          </li>
        ))}
      </ul>
      {roleAtLeast(role, "admin") && (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t("members.invite.title")}</h2>
          <form onSubmit={(e) => void invite(e)} className="row">
            <label>
              {t("common.email")}
              <input name="email" type="email" required />
            </label>
            <label>
              {t("common.role")}
              <select name="role" defaultValue="agent">
                <option value="agent">{t("members.invite.agent")}</option>
                <option value="admin">{t("members.invite.admin")}</option>
                {role === "owner" && <option value="owner">{t("members.invite.owner")}</option>}
              </select>
            </label>
            <button type="submit" className="primary">
              {t("members.invite.submit")}
            </button>
          </form>
          {sent && (
            <div className="card">
              <p role="status">{t("members.invite.created", { email: sent.email })}</p>
              <CopyField label={t("members.invite.link")} value={sent.link} />
            </div>
          )}
          <ErrorNote error={error} />
          <h3>{t("members.pending")}</h3>
          <ul className="list">
            {(org.data?.invitations ?? [])
              .filter((i) => i.status === "pending")
              .map((i) => (
                <li key={i.id}>
                  {i.email} · {t(ROLE_LABEL[i.role])} · <code>{invitationLink(i.id)}</code>
                </li>
              ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="another-org">
        <h2 id="another-org">{t("members.anotherOrganization")}</h2>
        <CreateOrgForm />
      </section>
    </>
  );
}
