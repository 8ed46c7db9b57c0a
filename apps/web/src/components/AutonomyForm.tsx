import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import { autonomySettings } from "../lib/autonomy-form.js";
import type { SupportApp } from "../lib/types.js";
import { ErrorNote } from "./ErrorNote.js";

export function AutonomyForm({ app, canEdit }: { app: SupportApp; canEdit: boolean }) {
  const t = useT();
  const client = useQueryClient();
  const [shadow, setShadow] = useState(app.settings.shadowMode);
  const save = useMutation({
    mutationFn: (settings: Partial<SupportApp["settings"]>) =>
      api<SupportApp>(`/api/v1/apps/${encodeURIComponent(app.slug)}`, { method: "PATCH", body: { settings } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["apps"] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries([...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v)]));
    save.mutate(autonomySettings(form, shadow));
  };
  const s = app.settings;
  return (
    <form onSubmit={submit} className="grid-form card" aria-label={t("autonomy.form.label")}>
      <fieldset disabled={!canEdit}>
        <legend>{t("autonomy.form.legend", { name: app.name })}</legend>
        <label>
          {t("autonomy.form.tier")}
          <select name="autonomyTier" defaultValue={s.autonomyTier}>
            <option value="suggest">{t("autonomy.tier.suggest")}</option>
            <option value="one_click">{t("autonomy.tier.one_click")}</option>
            <option value="auto_send">{t("autonomy.tier.auto_send")}</option>
          </select>
        </label>
        <label>
          {t("autonomy.form.trustThreshold")}
          <input name="trustThreshold" type="number" min={0} max={1} step={0.01} defaultValue={s.trustThreshold} />
        </label>
        <label>
          {t("autonomy.form.confidenceFloor")}
          <input name="confidenceFloor" type="number" min={0} max={1} step={0.01} defaultValue={s.confidenceFloor} />
        </label>
        <label>
          {t("autonomy.form.minOutcomes")}
          <input name="minOutcomes" type="number" min={0} step={1} defaultValue={s.minOutcomes} />
        </label>
        <label>
          {t("autonomy.form.neverAutoSend")}
          <input name="neverAutoSend" defaultValue={s.neverAutoSend.join(", ")} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={shadow} onChange={(e) => setShadow(e.target.checked)} />
          {t("autonomy.form.shadow")}
        </label>
        <button type="submit" className="primary">
          {t("autonomy.form.save")}
        </button>
      </fieldset>
      {save.isSuccess && <p role="status">{t("common.saved")}</p>}
      <ErrorNote error={save.error} />
    </form>
  );
}
