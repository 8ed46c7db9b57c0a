import { signPayload } from "@support/sdk/signing";

/** A generic/SDK webhook message signed with `secret` (x-support-signature); answers the status. */
export async function postGeneric(webhookUrl: string, secret: string, id: string): Promise<number> {
  const body = JSON.stringify({
    type: "message.received",
    id,
    customer: { email: `${id}@example.com`, name: "Rotation check" },
    message: { text: "Just checking the new signing secret." },
  });
  const res = await fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "x-support-signature": signPayload(body, [secret]) },
    body,
  });
  return res.status;
}
