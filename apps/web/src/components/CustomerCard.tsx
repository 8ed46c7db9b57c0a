import type { ConversationDetail } from "../lib/types.js";

export function CustomerCard({ conversation }: { conversation: ConversationDetail }) {
  const contact = conversation.contact;
  return (
    <section aria-labelledby="customer-title" className="card">
      <h2 id="customer-title">Customer</h2>
      <dl>
        <dt>Name</dt>
        <dd>{contact?.name ?? "unknown"}</dd>
        <dt>Email</dt>
        <dd>{contact?.email ?? "none"}</dd>
        {contact?.phone && (
          <>
            <dt>Phone</dt>
            <dd>{contact.phone}</dd>
          </>
        )}
        <dt>Channel</dt>
        <dd>{conversation.channel}</dd>
        <dt>Subject</dt>
        <dd>{conversation.subject ?? "none"}</dd>
      </dl>
    </section>
  );
}
