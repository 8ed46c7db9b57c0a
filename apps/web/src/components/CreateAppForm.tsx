import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import type { CreatedApp, SupportApp } from "../lib/types.js";
import { CopyField } from "./CopyField.js";
import { ErrorNote } from "./ErrorNote.js";

export function CreateAppForm({ onCreated }: { onCreated: (app: SupportApp) => void }) {
  const t = useT();
  const client = useQueryClient();
  // The signing secret exists in the browser only here, until the person says it is copied.
  const [created, setCreated] = useState<CreatedApp>();
  const create = useMutation({
    mutationFn: (name: string) => api<CreatedApp>("/api/v1/apps", { method: "POST", body: { name } }),
    onSuccess: (app) => {
      void client.invalidateQueries({ queryKey: ["apps"] });
      setCreated(app);
      onCreated(app);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(String(new FormData(event.currentTarget).get("appName")).trim());
    event.currentTarget.reset();
  };
  return (
    <>
      <form onSubmit={submit} className="row" aria-label={t("apps.create.label")}>
        <label>
          {t("apps.create.name")}
          <input name="appName" required maxLength={200} />
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t("apps.create.submit")}
        </button>
        <ErrorNote error={create.error} />
      </form>
      {created && (
        <div role="status" className="card">
          <h2>{t("settings.created.title", { name: created.name })}</h2>
          <p>{t("settings.created.copyNow")}</p>
          <CopyField label={t("settings.created.secret", { name: created.name })} value={created.signingSecret} />
          <button type="button" onClick={() => setCreated(undefined)}>
            {t("settings.created.done")}
          </button>
        </div>
      )}
    </>
  );
}
