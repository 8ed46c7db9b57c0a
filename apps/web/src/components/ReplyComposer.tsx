import { type FormEvent, useRef, useState } from "react";
import { usePersonReply } from "../hooks/usePersonReply.js";
import type { MessageId } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
import type { ConversationDetail } from "../lib/types.js";
import { ErrorNote } from "./ErrorNote.js";

const DELIVERY_STATUS: Record<ConversationDetail["deliveries"][number]["status"], MessageId> = {
  queued: "reply.delivery.queued",
  sent: "reply.delivery.sent",
  delivered: "reply.delivery.delivered",
  read: "reply.delivery.read",
  failed: "reply.delivery.failed",
};

/** How often the composer repeats "typing" while the text changes (the widget forgets it after 6 s). */
const TYPING_EVERY_MS = 3000;

/**
 * A person answers the conversation on its own channel, whatever state it is in; the deliveries
 * below show what became of every reply, and a failed one can be resent. One idempotency key per
 * typed reply: a double click sends once, a new reply gets a new key.
 */
export function ReplyComposer({ conversation }: { conversation: ConversationDetail }) {
  const t = useT();
  const { reply, resend, takeover, typing } = usePersonReply(conversation.id);
  const lastTyping = useRef(0);
  // The customer's widget shows "a person is typing": one signal every few seconds while the text changes.
  const change = (value: string) => {
    setText(value);
    const now = Date.now();
    // Only the chat widget shows it; other channels have no live customer screen.
    if (conversation.channel === "widget" && value.trim() && now - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = now;
      typing();
    }
  };
  const [text, setText] = useState("");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) return;
    reply.mutate(
      { text, idempotencyKey: key },
      {
        onSuccess: () => {
          setText("");
          setKey(crypto.randomUUID());
        },
      },
    );
  };
  const taken = conversation.takenOverBy;
  return (
    <section aria-labelledby="reply-title" className="card">
      <h2 id="reply-title">{t("reply.title")}</h2>
      <p>
        {taken ? t("reply.takenOver", { actor: taken }) : t("reply.withAi")}{" "}
        <button type="button" disabled={takeover.isPending} onClick={() => takeover.mutate(!taken)}>
          {taken ? t("reply.release") : t("reply.takeOver")}
        </button>
      </p>
      <form onSubmit={submit} className="stack">
        <label className="stack">
          {t("reply.label", { channel: conversation.channel })}
          <textarea value={text} onChange={(e) => change(e.target.value)} rows={5} />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={reply.isPending || !text.trim()}>
            {reply.isPending ? t("reply.sending") : t("reply.send")}
          </button>
        </div>
      </form>
      <ErrorNote error={reply.error ?? resend.error ?? takeover.error} />
      {conversation.deliveries.length > 0 && (
        <>
          <h3>{t("reply.deliveries")}</h3>
          <ul>
            {conversation.deliveries.map((d) => (
              <li key={d.id} data-delivery={d.id}>
                <span className="badge">{t(DELIVERY_STATUS[d.status])}</span>{" "}
                {d.sandbox && <span className="badge">{t("reply.sandbox")}</span>}{" "}
                <time dateTime={d.createdAt}>{t.dateTime(d.createdAt)}</time>
                {d.failureReason && (
                  <>
                    {" "}
                    <span lang="en">{d.failureReason}</span>{" "}
                    <button type="button" disabled={resend.isPending} onClick={() => resend.mutate(d.id)}>
                      {t("reply.resend")}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
