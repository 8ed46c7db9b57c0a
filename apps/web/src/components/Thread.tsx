import type { Message } from "../lib/types.js";

const DIRECTION: Record<Message["direction"], string> = {
  inbound: "from customer",
  outbound: "reply sent",
  internal: "internal note",
};

export function Thread({ messages, channel }: { messages: Message[]; channel: string }) {
  return (
    <section aria-labelledby="thread-title" className="card">
      <h2 id="thread-title">Conversation</h2>
      <ol className="thread">
        {messages.map((m) => (
          <li key={m.id} className={`msg msg-${m.direction}`}>
            <p className="meta">
              <strong>{m.authorName ?? m.authorKind}</strong> · {DIRECTION[m.direction]} via {channel} ·{" "}
              <time dateTime={m.createdAt}>{new Date(m.createdAt).toLocaleString()}</time>
            </p>
            <p className="text">{m.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
