/** A person's reply on a conversation: the composer, takeover and the deliveries. */
export const reply = {
  "reply.title": "Reply as a person",
  "reply.label": "Your reply (sent on {channel})",
  "reply.send": "Send reply",
  "reply.sending": "Sending…",
  "reply.takeOver": "Take over",
  "reply.release": "Hand back to the AI",
  "reply.takenOver": "Taken over by {actor}: the AI drafts nothing here.",
  "reply.withAi": "The AI drafts replies on this conversation.",
  "reply.deliveries": "Deliveries",
  "reply.resend": "Resend",
  "reply.sandbox": "sandbox",
  "reply.delivery.queued": "Queued",
  "reply.delivery.sent": "Sent",
  "reply.delivery.delivered": "Delivered",
  "reply.delivery.read": "Read",
  "reply.delivery.failed": "Failed",
} as const;
