/** One conversation: its thread and every draft made for it. */
export const conversation = {
  "conversation.loading": "Loading conversation…",
  "conversation.noSubject": "(no subject)",
  "conversation.status.open": "open",
  "conversation.status.closed": "closed",
  "conversation.thread": "Conversation",
  "conversation.direction.inbound": "from customer",
  "conversation.direction.outbound": "reply sent",
  "conversation.direction.internal": "internal note",
  "conversation.meta": "{direction} via {channel}",
  "conversation.drafts": "Drafts",
  "conversation.noDraft": "No draft yet.",
  "conversation.evidence":
    "{citations, plural, one {# citation} other {# citations}} · {passed} of {gates, plural, one {# gate} other {# gates}} passed",
  "conversation.evidenceActions":
    "{citations, plural, one {# citation} other {# citations}} · {passed} of {gates, plural, one {# gate} other {# gates}} passed · {actions, plural, one {# proposed action} other {# proposed actions}}",
  "conversation.attachments": "Attachments",
  "conversation.attachment": "{name} ({kilobytes} KB)",
  "conversation.attachmentLink": "{name} (link)",
} as const;
