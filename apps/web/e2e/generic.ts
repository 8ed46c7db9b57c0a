import { signPayload } from "@support/sdk/signing";

export interface GenericMessage {
  customer: { email: string; name: string };
  text: string;
  /** The thread it belongs to (the queue shows its subject); without one each message starts its own. */
  conversation?: { externalId: string; subject?: string };
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
    conversation: message.conversation,
    message: { text: message.text },
  });
  const res = await fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "x-support-signature": signPayload(body, [secret]) },
    body,
  });
  return res.status;
}
