import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import type { MessageId } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
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

const STATUS: Record<ChannelView["status"], MessageId> = {
  active: "apps.channelStatus.active",
  incomplete: "apps.channelStatus.incomplete",
  disabled: "apps.channelStatus.disabled",
};

const OUTCOME: Partial<Record<string, MessageId>> = {
  stored: "apps.testOutcome.stored",
  duplicate: "apps.testOutcome.duplicate",
  challenge: "apps.testOutcome.challenge",
  failed: "apps.testOutcome.failed",
};

/** One channel: its webhook URL, settings, write-only secrets and a signed test message. */
export function ChannelForm({ app, channel, canEdit }: { app: string; channel: ChannelView; canEdit: boolean }) {
  const t = useT();
  const fields = CHANNEL_FIELDS[channel.kind];
  const label = fields ? t(fields.label) : channel.kind;
  const settings = fields?.settings ?? [];
  const secrets = fields?.secrets ?? [];
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
    save.mutate(channelChange(form, { settings, secrets }), { onSuccess: clearSecrets });
  };
  return (
    <section className="card channel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {label} <span className={`badge channel-${channel.status}`}>{t(STATUS[channel.status])}</span>
      </h3>
      <CopyField label={t("apps.channel.webhookUrl", { channel: label })} value={channel.webhookUrl} />
      {canEdit && settings.length + secrets.length > 0 && (
        <form onSubmit={submit} className="grid-form">
          {settings.map((name) => (
            <label key={name}>
              {name}
              <input name={name} defaultValue={String(channel.settings[name] ?? "")} />
            </label>
          ))}
          {secrets.map((name) => (
            <label key={name}>
              {name} {channel.secretsSet.includes(name) ? t("apps.channel.secretSet") : t("apps.channel.secretNotSet")}
              <input name={name} type="password" autoComplete="off" />
            </label>
          ))}
          <button type="submit" disabled={save.isPending}>
            {t("apps.channel.save", { channel: label })}
          </button>
        </form>
      )}
      {canEdit && (
        <button type="button" onClick={() => test.mutate()} disabled={test.isPending}>
          {t("apps.channel.sendTest")}
        </button>
      )}
      {test.data && (
        <p role="status">
          {t("apps.channel.testResult", { outcome: t.label(OUTCOME, test.data.outcome), status: test.data.status })}
          {test.data.detail && <span lang="en"> {test.data.detail}</span>}
        </p>
      )}
      {save.isSuccess && <p role="status">{t("common.saved")}</p>}
      <ErrorNote error={save.error ?? test.error} />
    </section>
  );
}
