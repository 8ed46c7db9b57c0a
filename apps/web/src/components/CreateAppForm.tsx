import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import type { SupportApp } from "../lib/types.js";
import { ErrorNote } from "./ErrorNote.js";

export function CreateAppForm({ onCreated }: { onCreated: (app: SupportApp) => void }) {
  const t = useT();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (name: string) => api<SupportApp>("/api/v1/apps", { method: "POST", body: { name } }),
    onSuccess: (app) => {
      void client.invalidateQueries({ queryKey: ["apps"] });
      onCreated(app);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(String(new FormData(event.currentTarget).get("appName")).trim());
    event.currentTarget.reset();
  };
  return (
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
  );
}
