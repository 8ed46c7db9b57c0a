import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { navigate } from "../hooks/useRoute.js";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import type { CustomerErased } from "../lib/types.js";
import { ErrorNote } from "./ErrorNote.js";

/**
 * The customer's rights (ADR 0131), for admins: download everything held about them as JSON, or
 * erase it after a confirmation (their conversations go too, so the page leaves for the queue).
 */
export function CustomerRights({ contactId }: { contactId: string }) {
  const t = useT();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const path = `/api/v1/contacts/${encodeURIComponent(contactId)}`;
  const erase = useMutation({
    mutationFn: () => api<CustomerErased>(path, { method: "DELETE" }),
    onSuccess: () => {
      void client.invalidateQueries();
      navigate("/");
    },
  });
  return (
    <section aria-labelledby="rights-title" className="card">
      <h2 id="rights-title">{t("account.rights.title")}</h2>
      <p>
        <a href={`${path}/export`} download="customer-export.json">
          {t("account.rights.export")}
        </a>
      </p>
      {confirming ? (
        <p>
          {t("account.rights.confirmHint")}{" "}
          <button type="button" className="danger" onClick={() => erase.mutate()} disabled={erase.isPending}>
            {t("account.rights.confirmErase")}
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t("account.rights.erase")}
        </button>
      )}
      <ErrorNote error={erase.error} />
    </section>
  );
}
