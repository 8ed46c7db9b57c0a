import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useT } from "../i18n/useT.js";
import { conversationPath } from "../lib/links.js";
import { LEAD_COLUMNS, LEAD_STAGE_LABEL, type Lead, minorToPrice, priceToMinor, shopClient } from "../lib/shop.js";
import { ErrorNote } from "./ErrorNote.js";
import { Link } from "./Link.js";

/** One lead on the board: who, its value and owner; a person moves it to any stage and notes it. */
export function LeadCard({ app, lead }: { app: string; lead: Lead }) {
  const t = useT();
  const client = useQueryClient();
  const [invalid, setInvalid] = useState(false);
  const name = lead.contact.name ?? lead.contact.phone ?? lead.contact.email ?? lead.id;
  const currency = lead.currency ?? "MGA";
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => shopClient.updateLead(lead.id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["leads", app] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const valueText = String(form.get("value") ?? "").trim();
    const valueMinor = valueText === "" ? null : priceToMinor(valueText, currency);
    setInvalid(valueMinor === undefined);
    if (valueMinor === undefined) return;
    const owner = String(form.get("owner") ?? "").trim();
    const notes = String(form.get("notes") ?? "").trim();
    save.mutate({ stage: form.get("stage"), valueMinor, owner: owner || null, notes: notes || null });
  };
  return (
    <li className="card lead" aria-label={name}>
      <p>
        <strong>{name}</strong>
        {lead.contact.phone && lead.contact.phone !== name && <> · {lead.contact.phone}</>}
      </p>
      <p className="meta">
        {lead.valueText ?? t("leads.noValue")}
        {lead.owner && <> · {t("leads.ownedBy", { owner: lead.owner })}</>}
        {lead.conversationId && (
          <>
            {" · "}
            <Link to={conversationPath(lead.conversationId)}>{t("leads.conversation")}</Link>
          </>
        )}
      </p>
      {lead.notes && <p className="text">{lead.notes}</p>}
      <details>
        <summary>{t("leads.edit", { name })}</summary>
        <form className="stack" onSubmit={submit} aria-label={t("leads.edit", { name })}>
          <label>
            {t("leads.stage")}
            <select name="stage" defaultValue={lead.stage}>
              {LEAD_COLUMNS.map((s) => (
                <option key={s} value={s}>
                  {t(LEAD_STAGE_LABEL[s])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("leads.value", { currency })}
            <input
              name="value"
              inputMode="decimal"
              defaultValue={lead.valueMinor === null ? "" : minorToPrice(lead.valueMinor, currency)}
            />
          </label>
          <label>
            {t("leads.owner")}
            <input name="owner" maxLength={200} defaultValue={lead.owner ?? ""} />
          </label>
          <label>
            {t("leads.notes")}
            <textarea name="notes" rows={2} maxLength={5000} defaultValue={lead.notes ?? ""} />
          </label>
          {invalid && (
            <p role="alert" className="error">
              {t("shop.product.invalidPrice")}
            </p>
          )}
          <ErrorNote error={save.error} />
          <button type="submit" className="primary" disabled={save.isPending}>
            {t("common.save")}
          </button>
        </form>
      </details>
    </li>
  );
}
