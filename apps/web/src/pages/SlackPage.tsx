import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { ErrorNote } from "../components/ErrorNote.js";
import { useSlack } from "../hooks/useData.js";
import { api } from "../lib/api.js";
import { slackConnectBody } from "../lib/slack-form.js";
import type { SlackView } from "../lib/types.js";

/** Connects the organization's Slack workspace: approval cards, reminders, escalations and the daily summary. */
export function SlackPage() {
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
  if (slack.isPending) return <p>Loading…</p>;
  return (
    <>
      <h1>Slack</h1>
      <p role="status">
        {view?.configured
          ? `Connected: approval cards, reminders and escalations go to ${view.channelId}, the daily summary to ${view.summaryChannelId ?? view.channelId}.`
          : "Not connected: approvals, escalations and failed sends show in the review queue only."}
      </p>
      <form onSubmit={submit} className="stack" aria-label="Slack connection" key={view?.updatedAt ?? "new"}>
        <label>
          Bot token {view?.configured && <span className="hint">(stored; leave empty to keep it)</span>}
          <input name="botToken" type="password" autoComplete="off" required={!view?.configured} placeholder="xoxb-…" />
        </label>
        <label>
          Signing secret {view?.configured && <span className="hint">(stored; leave empty to keep it)</span>}
          <input name="signingSecret" type="password" autoComplete="off" required={!view?.configured} />
        </label>
        <label>
          Approvals channel id
          <input name="channelId" required defaultValue={view?.channelId ?? ""} placeholder="C0123ABCD" />
        </label>
        <label>
          Daily summary channel id <span className="hint">(empty: the approvals channel)</span>
          <input name="summaryChannelId" defaultValue={view?.summaryChannelId ?? ""} placeholder="C0123ABCD" />
        </label>
        <button type="submit" className="primary" disabled={save.isPending}>
          {view?.configured ? "Save" : "Connect Slack"}
        </button>
        <ErrorNote error={save.error} />
      </form>
    </>
  );
}
