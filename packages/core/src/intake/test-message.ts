import { randomUUID } from "node:crypto";
import { signFront, signWhatsApp, signZendesk } from "@support/channels";
import type { ChannelTestReport } from "@support/contract";
import { type App, findMessagesByExternalId } from "@support/db";
import { signPayload } from "@support/sdk/signing";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError, HTTP_STATUS } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import type { ChannelKind } from "./channel-config.js";
import { type LoadedChannel, loadChannel } from "./channels.js";
import { receiveWebhook, type WebhookChannel } from "./receive.js";
import { receiveWebForm } from "./web-form.js";

export interface TestRequest {
  method: "POST";
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The vendor message id the sample carries, to find what it became. */
  messageExternalId?: string;
}

const SAMPLE_TEXT = "Hello! This is a test message sent by `skill channels test`.";

/** A correctly signed sample for the channel's real webhook route, as the vendor would send it. */
export function buildTestRequest(app: App, channel: LoadedChannel): TestRequest {
  const id = randomUUID();
  const now = Date.now();
  switch (channel.kind) {
    case "front": {
      const secrets = channel.secrets as LoadedChannel<"front">["secrets"];
      const body = JSON.stringify({
        type: "inbound_received",
        payload: {
          id: `evt_test_${id}`,
          emitted_at: now / 1000,
          conversation: {
            id: `cnv_test_${id}`,
            subject: "Test message",
            recipient: { handle: "test.customer@example.com", role: "from" },
          },
          target: {
            _meta: { type: "message" },
            data: {
              id: `msg_test_${id}`,
              type: "email",
              is_inbound: true,
              created_at: now / 1000,
              blurb: SAMPLE_TEXT,
              recipients: [{ handle: "test.customer@example.com", role: "from", name: "Test Customer" }],
            },
          },
        },
      });
      const ts = String(now);
      const signature = signFront(body, ts, secrets.appSecret ?? "");
      return {
        method: "POST",
        path: `/webhooks/front/${app.id}`,
        headers: {
          "content-type": "application/json",
          "x-front-request-timestamp": ts,
          "x-front-signature": signature,
        },
        body,
        messageExternalId: `msg_test_${id}`,
      };
    }
    case "zendesk": {
      const secrets = channel.secrets as LoadedChannel<"zendesk">["secrets"];
      const body = JSON.stringify({
        ticket: {
          id: `test-${id}`,
          subject: "Test message",
          requester: { name: "Test Customer", email: "test.customer@example.com" },
          latest_public_comment: { id, body: SAMPLE_TEXT, author_name: "Test Customer", author_role: "end-user" },
        },
      });
      const ts = new Date(now).toISOString();
      const signature = signZendesk(body, ts, secrets.webhookSecret ?? "");
      return {
        method: "POST",
        path: `/webhooks/zendesk/${app.id}`,
        headers: {
          "content-type": "application/json",
          "x-zendesk-webhook-signature-timestamp": ts,
          "x-zendesk-webhook-signature": signature,
        },
        body,
        messageExternalId: `comment:${id}`,
      };
    }
    case "whatsapp": {
      const secrets = channel.secrets as LoadedChannel<"whatsapp">["secrets"];
      const wamid = `wamid.test-${id}`;
      const body = JSON.stringify({
        object: "whatsapp_business_account",
        entry: [
          {
            id: "test",
            changes: [
              {
                field: "messages",
                value: {
                  messaging_product: "whatsapp",
                  metadata: { phone_number_id: "test" },
                  contacts: [{ wa_id: "15550000000", profile: { name: "Test Customer" } }],
                  messages: [
                    {
                      from: "15550000000",
                      id: wamid,
                      timestamp: String(Math.floor(now / 1000)),
                      type: "text",
                      text: { body: SAMPLE_TEXT },
                    },
                  ],
                },
              },
            ],
          },
        ],
      });
      const signature = signWhatsApp(body, secrets.appSecret ?? "");
      return {
        method: "POST",
        path: `/webhooks/whatsapp/${app.id}`,
        headers: { "content-type": "application/json", "x-hub-signature-256": signature },
        body,
        messageExternalId: wamid,
      };
    }
    case "email": {
      const messageId = `test-${id}@example.com`;
      const body = JSON.stringify({
        from: "Test Customer <test.customer@example.com>",
        subject: "Test message",
        text: SAMPLE_TEXT,
        messageId: `<${messageId}>`,
      });
      return signedGeneric(`/webhooks/email/${app.id}`, body, channel.signingSecrets, messageId);
    }
    case "generic": {
      const body = JSON.stringify({
        type: "message.received",
        id: `test-${id}`,
        customer: { email: "test.customer@example.com", name: "Test Customer" },
        message: { text: SAMPLE_TEXT },
      });
      return signedGeneric(`/webhooks/generic/${app.id}`, body, channel.signingSecrets, `test-${id}`);
    }
    case "widget":
      // A widget message needs a visitor's session from an allowed page: the sample host page is the test.
      throw new AppError("conflict", "the widget has no webhook to test: write from a page that embeds it");
    case "web":
      return {
        method: "POST",
        path: `/public/${app.id}/messages`,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Test Customer", email: "test.customer@example.com", message: SAMPLE_TEXT }),
      };
  }
}

function signedGeneric(path: string, body: string, secrets: string[], externalId: string): TestRequest {
  if (secrets.length === 0) throw new AppError("conflict", "the app has no active signing key");
  return {
    method: "POST",
    path,
    headers: { "content-type": "application/json", "x-support-signature": signPayload(body, secrets.slice(-1)) },
    body,
    messageExternalId: externalId,
  };
}

/**
 * Hands the sample to the service behind the channel's route (the webhook receiver, with its
 * signature check on the raw bytes, or the public form), as the route would, and answers the
 * status the route would have answered.
 */
async function deliver(
  ctx: ServiceContext,
  app: App,
  kind: ChannelKind,
  request: TestRequest,
): Promise<{ status: number; outcome: string; detail?: string }> {
  try {
    if (kind === "web") {
      const fields = JSON.parse(request.body) as Record<string, unknown>;
      await receiveWebForm(ctx, { appId: app.id, ip: "channel-test", fields });
      return { status: 201, outcome: "stored" };
    }
    const headers = new Map(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const outcome = await receiveWebhook(ctx, {
      channel: kind as WebhookChannel,
      appId: app.id,
      rawBody: new TextEncoder().encode(request.body),
      header: (name) => headers.get(name.toLowerCase()),
    });
    return { status: 200, outcome: outcome.kind };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: HTTP_STATUS[error.code], outcome: "failed", detail: error.message };
  }
}

/**
 * Sends a signed sample through the channel's real receiving path and reports what it became.
 * Admins only, as configuring the channel is: the sample becomes a real conversation.
 */
export async function sendTestMessage(
  ctx: ServiceContext,
  appRef: string,
  kind: ChannelKind,
): Promise<ChannelTestReport> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const channel = await loadChannel(ctx, app, kind);
  if (!channel) {
    throw new AppError("conflict", `the ${kind} channel is not configured yet: set its secrets first`);
  }
  const request = buildTestRequest(app, channel);
  const delivered = await deliver(ctx, app, kind, request);
  const stored = request.messageExternalId
    ? (await findMessagesByExternalId(ctx.db, ctx.org.id, request.messageExternalId))[0]
    : undefined;
  return {
    channel: kind,
    status: delivered.status,
    outcome: delivered.outcome,
    conversationId: stored?.conversationId ?? null,
    messageId: stored?.id ?? null,
    detail: delivered.detail,
  };
}
