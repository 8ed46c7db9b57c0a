import { signWhatsApp } from "@support/channels";

/** A customer's WhatsApp text as the Cloud API posts it, signed with the app secret; answers the status. */
export async function postWhatsApp(
  webhookUrl: string,
  appSecret: string,
  message: { id: string; from: string; name: string; text: string },
): Promise<number> {
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" },
              contacts: [{ profile: { name: message.name }, wa_id: message.from }],
              messages: [
                {
                  from: message.from,
                  id: message.id,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: "text",
                  text: { body: message.text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  const res = await fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signWhatsApp(body, appSecret) },
    body,
  });
  return res.status;
}
