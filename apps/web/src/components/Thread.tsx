import type { MessageId } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
import { CHANNEL_LABEL } from "../lib/channel-fields.js";
import type { Message } from "../lib/types.js";
import { Attachments } from "./Attachments.js";

const DIRECTION: Record<Message["direction"], MessageId> = {
  inbound: "conversation.direction.inbound",
  outbound: "conversation.direction.outbound",
  internal: "conversation.direction.internal",
};

export function Thread({
  messages,
  channel,
  conversationId,
}: {
  messages: Message[];
  channel: string;
  conversationId: string;
}) {
  const t = useT();
  const via = t.label(CHANNEL_LABEL, channel);
  return (
    <section aria-labelledby="thread-title" className="card">
      <h2 id="thread-title">{t("conversation.thread")}</h2>
      <ol className="thread">
        {messages.map((m) => (
          <li key={m.id} className={`msg msg-${m.direction}`}>
            <p className="meta">
              <strong>{m.authorName ?? m.authorKind}</strong> ·{" "}
              {t("conversation.meta", { direction: t(DIRECTION[m.direction]), channel: via })} ·{" "}
              <time dateTime={m.createdAt}>{t.dateTime(m.createdAt)}</time>
            </p>
            <p className="text">{m.text}</p>
            <Attachments conversationId={conversationId} attachments={m.attachments} />
          </li>
        ))}
      </ol>
    </section>
  );
}
