import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import { api } from "../lib/api.js";
import { CHANNEL_FIELDS, channelChange } from "../lib/channel-fields.js";
import type { ChannelView } from "../lib/types.js";
import { CopyField } from "./CopyField.js";
import { ErrorNote } from "./ErrorNote.js";

interface TestReport {
  status: number;
  outcome: string;
  conversationId: string | null;
  detail?: string;
}

/** One channel: its webhook URL, settings, write-only secrets and a signed test message. */
export function ChannelForm({ app, channel, canEdit }: { app: string; channel: ChannelView; canEdit: boolean }) {
  const fields = CHANNEL_FIELDS[channel.kind] ?? { label: channel.kind, settings: [], secrets: [] };
  const client = useQueryClient();
  const headingId = useId();
  const base = `/api/v1/apps/${encodeURIComponent(app)}/channels/${channel.kind}`;
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof channelChange>) => api<ChannelView>(base, { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["channels", app] }),
  });
  const test = useMutation({ mutationFn: () => api<TestReport>(`${base}/test`, { method: "POST" }) });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = Object.fromEntries([...new FormData(element)].map(([k, v]) => [k, String(v)]));
    // Secrets are write-only: once stored, the typed values leave the page.
    const clearSecrets = () => {
      for (const input of element.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = "";
    };
    save.mutate(channelChange(form, fields), { onSuccess: clearSecrets });
  };
  return (
    <section className="card channel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {fields.label} <span className={`badge channel-${channel.status}`}>{channel.status}</span>
      </h3>
      <CopyField label={`${fields.label} webhook URL`} value={channel.webhookUrl} />
      {canEdit && fields.settings.length + fields.secrets.length > 0 && (
        <form onSubmit={submit} className="grid-form">
          {fields.settings.map((name) => (
            <label key={name}>
              {name}
              <input name={name} defaultValue={String(channel.settings[name] ?? "")} />
            </label>
          ))}
          {fields.secrets.map((name) => (
            <label key={name}>
              {name} {channel.secretsSet.includes(name) ? "(set; type to replace)" : "(not set)"}
              <input name={name} type="password" autoComplete="off" />
            </label>
          ))}
          <button type="submit" disabled={save.isPending}>
            Save {fields.label}
          </button>
        </form>
      )}
      {canEdit && (
        <button type="button" onClick={() => test.mutate()} disabled={test.isPending}>
          Send test message
        </button>
      )}
      {test.data && (
        <p role="status">
          Test message: {test.data.outcome} (HTTP {test.data.status}){test.data.detail ? `: ${test.data.detail}` : ""}
        </p>
      )}
      {save.isSuccess && <p role="status">Saved.</p>}
      <ErrorNote error={save.error ?? test.error} />
    </section>
  );
}
