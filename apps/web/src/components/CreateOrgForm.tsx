import { type FormEvent, useState } from "react";
import { navigate } from "../hooks/useRoute.js";
import { useResetSession } from "../hooks/useSession.js";
import { useT } from "../i18n/useT.js";
import { authClient, slugify } from "../lib/auth-client.js";
import { ErrorNote } from "./ErrorNote.js";

/** Creates an organization (the creator becomes its owner) and switches to it. */
export function CreateOrgForm() {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const reset = useResetSession();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("orgName")).trim();
    try {
      const suffix = Math.random().toString(36).slice(2, 6);
      const org = await authClient.createOrganization({ name, slug: `${slugify(name) || "org"}-${suffix}` });
      await authClient.setActive(org.id);
      navigate("/");
      await reset();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="row">
      <label>
        {t("auth.organizationName")}
        <input name="orgName" required maxLength={100} />
      </label>
      <button type="submit" className="primary">
        {t("auth.createOrganization")}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
