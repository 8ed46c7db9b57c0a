import { navigate } from "../hooks/useRoute.js";
import { useResetSession } from "../hooks/useSession.js";
import { useT } from "../i18n/useT.js";
import { authClient, type Organization } from "../lib/auth-client.js";

const NEW = "__new__";

export function OrgSwitcher({
  organizations,
  activeOrgId,
}: {
  organizations: Organization[];
  activeOrgId: string | null;
}) {
  const t = useT();
  const reset = useResetSession();
  const change = async (value: string) => {
    if (value === NEW) {
      navigate("/members?new=1");
      return;
    }
    await authClient.setActive(value);
    navigate("/");
    await reset();
  };
  return (
    <label className="org-switcher">
      <span>{t("shell.organization")}</span>
      <select value={activeOrgId ?? ""} onChange={(e) => void change(e.target.value)}>
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
        <option value={NEW}>{t("shell.newOrganization")}</option>
      </select>
    </label>
  );
}
