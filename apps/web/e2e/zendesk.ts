import { signZendesk } from "@support/channels";

/** A Zendesk "ticket created" event, signed as Zendesk signs webhooks. */
export async function postZendeskTicket(
  webhookUrl: string,
  secret: string,
  ticket: { id: string; subject: string; description: string },
) {
  const body = JSON.stringify({
    type: "zen:event-type:ticket.created",
    account_id: 12514403,
    id: `zd-evt-${ticket.id}`,
    time: new Date().toISOString(),
    zendesk_event_version: "2022-11-06",
    subject: `zen:ticket:${ticket.id}`,
    detail: { ...ticket, requester_id: `req-${ticket.id}`, status: "NEW" },
    event: {},
  });
  const ts = new Date().toISOString();
  const res = await fetch(webhookUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-zendesk-webhook-signature-timestamp": ts,
      "x-zendesk-webhook-signature": signZendesk(body, ts, secret),
    },
    body,
  });
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
}
