import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../lib/api.js";
import { autonomySettings } from "../lib/autonomy-form.js";
import type { SupportApp } from "../lib/types.js";
import { ErrorNote } from "./ErrorNote.js";

export function AutonomyForm({ app, canEdit }: { app: SupportApp; canEdit: boolean }) {
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
    <form onSubmit={submit} className="grid-form card" aria-label="Autonomy settings">
      <fieldset disabled={!canEdit}>
        <legend>Autonomy of {app.name}</legend>
        <label>
          Tier
          <select name="autonomyTier" defaultValue={s.autonomyTier}>
            <option value="suggest">suggest: drafts only</option>
            <option value="one_click">one click: a human approves</option>
            <option value="auto_send">auto send: where trust was earned</option>
          </select>
        </label>
        <label>
          Trust threshold (0–1)
          <input name="trustThreshold" type="number" min={0} max={1} step={0.01} defaultValue={s.trustThreshold} />
        </label>
        <label>
          Confidence floor (0–1)
          <input name="confidenceFloor" type="number" min={0} max={1} step={0.01} defaultValue={s.confidenceFloor} />
        </label>
        <label>
          Minimum outcomes before trusting a category
          <input name="minOutcomes" type="number" min={0} step={1} defaultValue={s.minOutcomes} />
        </label>
        <label>
          Never auto-send (categories, intents or flags, comma separated)
          <input name="neverAutoSend" defaultValue={s.neverAutoSend.join(", ")} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={shadow} onChange={(e) => setShadow(e.target.checked)} />
          Shadow mode: decide but never auto-send, to measure precision first
        </label>
        <button type="submit" className="primary">
          Save autonomy
        </button>
      </fieldset>
      {save.isSuccess && <p role="status">Saved.</p>}
      <ErrorNote error={save.error} />
    </form>
  );
}
