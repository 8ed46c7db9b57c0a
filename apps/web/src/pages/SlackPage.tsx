import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { ErrorNote } from "../components/ErrorNote.js";
import { useSlack } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import { slackConnectBody } from "../lib/slack-form.js";
import type { SlackView } from "../lib/types.js";

/** Connects the organization's Slack workspace: approval cards, reminders, escalations and the daily summary. */
export function SlackPage() {
  const t = useT();
  const slack = useSlack();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<SlackView>("/api/v1/slack", { method: "PUT", body }),
    onSuccess: (view) => client.setQueryData(["slack"], view),
  });
  const view = slack.data;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate(slackConnectBody((name) => String(form.get(name) ?? "")));
  };
  if (slack.isPending) return <p>{t("common.loading")}</p>;
  return (
    <>
      <h1>{t("slack.title")}</h1>
      <p role="status">
        {view?.configured
          ? t("slack.connected", {
              channel: view.channelId ?? "",
              summaryChannel: view.summaryChannelId ?? view.channelId ?? "",
            })
          : t("slack.notConnected")}
      </p>
      <form onSubmit={submit} className="stack" aria-label={t("slack.form.label")} key={view?.updatedAt ?? "new"}>
        <label>
          {t("slack.botToken")} {view?.configured && <span className="hint">{t("slack.stored")}</span>}
          <input name="botToken" type="password" autoComplete="off" required={!view?.configured} placeholder="xoxb-…" />
        </label>
        <label>
          {t("slack.signingSecret")} {view?.configured && <span className="hint">{t("slack.stored")}</span>}
          <input name="signingSecret" type="password" autoComplete="off" required={!view?.configured} />
        </label>
        <label>
          {t("slack.channelId")}
          <input name="channelId" required defaultValue={view?.channelId ?? ""} placeholder="C0123ABCD" />
        </label>
        <label>
          {t("slack.summaryChannelId")} <span className="hint">{t("slack.summaryDefault")}</span>
          <input name="summaryChannelId" defaultValue={view?.summaryChannelId ?? ""} placeholder="C0123ABCD" />
        </label>
        <button type="submit" className="primary" disabled={save.isPending}>
          {view?.configured ? t("common.save") : t("slack.connect")}
        </button>
        <ErrorNote error={save.error} />
      </form>
    </>
  );
}
