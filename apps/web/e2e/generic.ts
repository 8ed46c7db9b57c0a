import { signPayload } from "@support/sdk/signing";

export interface GenericMessage {
  customer: { email: string; name: string };
  text: string;
  /** Starts a conversation with this subject (the queue shows it); without one the message has none. */
  subject?: string;
}

/** A generic/SDK webhook message signed with `secret` (x-support-signature); answers the status. */
export async function postGeneric(
  webhookUrl: string,
  secret: string,
  id: string,
  message: GenericMessage = {
    customer: { email: `${id}@example.com`, name: "Rotation check" },
    text: "Just checking the new signing secret.",
  },
): Promise<number> {
  const body = JSON.stringify({
    type: "message.received",
    id,
    customer: message.customer,
    conversation: message.subject ? { externalId: id, subject: message.subject } : undefined,
    message: { text: message.text },
  });
  const res = await fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "x-support-signature": signPayload(body, [secret]) },
    body,
  });
  return res.status;
}
