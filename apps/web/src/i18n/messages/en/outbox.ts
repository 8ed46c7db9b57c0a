/** The sandbox outbox: replies that channels without credentials would have sent. */
export const outbox = {
  "outbox.title": "Sandbox outbox",
  "outbox.empty.title": "Nothing sent yet",
  "outbox.empty.body":
    "Approved replies on channels without credentials land here instead of reaching customers. Approve a draft in the <link>review queue</link>.",
  "outbox.unknownRecipient": "unknown recipient",
} as const;
