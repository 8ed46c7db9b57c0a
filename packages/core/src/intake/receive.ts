import { createHash } from "node:crypto";
import {
  assertIdLengths,
  type FrontEvent,
  fetchFrontMessage,
  frontMessageToInbound,
  InboundPayloadError,
  type InboundVerifyResult,
  type NormalizedDelivery,
  parseEmail,
  parseFront,
  parseGeneric,
  parseWhatsApp,
  parseZendesk,
  verifyFront,
  verifyGeneric,
  verifyStandardWebhook,
  verifyWhatsApp,
  verifyZendesk,
  whatsAppChallenge,
} from "@support/channels";
import { type App, applyVendorStatus, type Database, findAppForWebhook, isId } from "@support/db";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";
import type { ChannelKind } from "./channel-config.js";
import { type LoadedChannel, loadChannel } from "./channels.js";
import { type DeliveryStatusSink, type IngestResult, ingestDelivery, recordRejectedDelivery } from "./ingest.js";
import { attachReceivedFiles, storeReceivedFiles } from "./received-files.js";

/*
 * Receiving acts before any organization is known: the app is found by the id in the URL, and
 * the request proves itself with its signature. So these take the `Platform` (database and
 * ports, with the replay cache, rate limiter, counters and logger), not a service context.
 */

export type WebhookChannel = Exclude<ChannelKind, "web" | "widget">;

export interface WebhookRequest {
  channel: WebhookChannel;
  appId: string;
  rawBody: Uint8Array;
  header(name: string): string | undefined;
}

export type ReceiveOutcome =
  | { kind: "stored"; result: IngestResult }
  | { kind: "duplicate"; result?: IngestResult }
  | { kind: "challenge"; challenge: string };

/** Headers worth keeping with the raw event; signatures and credentials never are. */
const KEPT_HEADERS = [
  "content-type",
  "user-agent",
  "x-front-request-timestamp",
  "x-zendesk-webhook-id",
  "x-zendesk-webhook-invocation-id",
  "x-zendesk-webhook-signature-timestamp",
  "webhook-id",
  "webhook-timestamp",
];

/** The app a webhook or public form names by id (unique across organizations), or 404. */
export async function findWebhookApp(database: Database, appId: string): Promise<App> {
  const app = isId("app", appId) ? await findAppForWebhook(database.db, appId) : undefined;
  if (!app) throw new AppError("not_found", "No such app.");
  return app;
}

async function requireChannel<K extends ChannelKind>(platform: Platform, app: App, kind: K): Promise<LoadedChannel<K>> {
  const channel = await loadChannel(platform, app, kind);
  if (!channel) throw new AppError("not_found", `The ${kind} channel is not configured for this app.`);
  return channel;
}

function verify(channel: LoadedChannel, request: WebhookRequest): InboundVerifyResult {
  const rawBody = request.rawBody;
  const h = (name: string) => request.header(name);
  switch (channel.kind) {
    case "front": {
      const s = channel.secrets as LoadedChannel<"front">["secrets"];
      return verifyFront({
        rawBody,
        timestamp: h("x-front-request-timestamp"),
        signature: h("x-front-signature"),
        secrets: [s.appSecret ?? ""],
      });
    }
    case "zendesk": {
      const s = channel.secrets as LoadedChannel<"zendesk">["secrets"];
      return verifyZendesk({
        rawBody,
        timestamp: h("x-zendesk-webhook-signature-timestamp"),
        signature: h("x-zendesk-webhook-signature"),
        secrets: [s.webhookSecret ?? ""],
      });
    }
    case "whatsapp": {
      const s = channel.secrets as LoadedChannel<"whatsapp">["secrets"];
      return verifyWhatsApp({ rawBody, signature: h("x-hub-signature-256"), secrets: [s.appSecret ?? ""] });
    }
    case "email": {
      // Mail providers that sign with Standard Webhooks (Svix-style) use the channel's own secret.
      const s = channel.secrets as LoadedChannel<"email">["secrets"];
      if (h("webhook-signature") && s.webhookSecret) {
        return verifyStandardWebhook({
          rawBody,
          id: h("webhook-id"),
          timestamp: h("webhook-timestamp"),
          signature: h("webhook-signature"),
          secrets: [s.webhookSecret],
        });
      }
      return verifyGeneric({ rawBody, signature: h("x-support-signature"), secrets: channel.signingSecrets });
    }
    default:
      return verifyGeneric({ rawBody, signature: h("x-support-signature"), secrets: channel.signingSecrets });
  }
}

function parse(channel: WebhookChannel, rawBody: string): { delivery: NormalizedDelivery; front?: FrontEvent } {
  const parsed = parseChannel(channel, rawBody);
  assertIdLengths(parsed.delivery);
  return parsed;
}

function parseChannel(channel: WebhookChannel, rawBody: string): { delivery: NormalizedDelivery; front?: FrontEvent } {
  switch (channel) {
    case "front": {
      const front = parseFront(rawBody);
      return { delivery: front.delivery, front };
    }
    case "zendesk":
      return { delivery: parseZendesk(rawBody) };
    case "whatsapp":
      return { delivery: parseWhatsApp(rawBody) };
    case "email":
      return { delivery: parseEmail(rawBody) };
    case "generic":
      return { delivery: parseGeneric(rawBody) };
  }
}

/**
 * One inbound webhook: verify on the raw bytes, then parse, then store in one transaction.
 * Failures throw AppError with the status the sender should see; nothing is stored for a bad
 * signature, and a signed but unusable payload is kept as `rejected`.
 */
export async function receiveWebhook(platform: Platform, request: WebhookRequest): Promise<ReceiveOutcome> {
  const { counters, logger, replayCache } = platform.ports;
  const app = await findWebhookApp(platform.db, request.appId);
  const channel = await requireChannel(platform, app, request.channel);
  const verified = verify(channel, request);
  if (!verified.ok) {
    counters.increment("webhook_rejected_total", { channel: request.channel, reason: verified.reason });
    logger.warn({ channel: request.channel, appId: app.id, reason: verified.reason }, "webhook signature rejected");
    throw new AppError(
      "invalid_signature",
      `The request signature is not valid (${verified.reason.replaceAll("_", " ")}).`,
    );
  }
  if (await replayCache.has(verified.replayKey)) {
    counters.increment("webhook_replayed_total", { channel: request.channel });
    // WhatsApp has no timestamp: Meta's retry of a handled delivery carries the same signature.
    // Zendesk retries a delivery whose answer it lost with the same bytes and timestamp. The
    // signature proved the bytes are the ones already handled: answer 2xx, change nothing.
    if (request.channel === "whatsapp" || request.channel === "zendesk") return { kind: "duplicate" };
    logger.warn({ channel: request.channel, appId: app.id }, "webhook signature replayed");
    throw new AppError("invalid_signature", "This signed request was already received (replay).");
  }
  const rawBody = Buffer.from(request.rawBody).toString("utf8");
  const challenge = request.channel === "front" ? request.header("x-front-challenge") : undefined;
  if (challenge) return { kind: "challenge", challenge };

  const raw = { channel: request.channel, rawBody, headers: keptHeaders(request) };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(request.channel, rawBody);
  } catch (error) {
    if (!(error instanceof InboundPayloadError)) throw error;
    const vendorEventId = `sha256:${createHash("sha256").update(request.rawBody).digest("hex")}`;
    await recordRejectedDelivery(platform.db, app, raw, vendorEventId, error.message);
    await replayCache.remember(verified.replayKey);
    counters.increment("webhook_invalid_total", { channel: request.channel });
    throw new AppError("invalid_input", `The payload was signed but cannot be used: ${error.message}`);
  }
  if (parsed.front?.messageToFetch) {
    await completeFrontPreview(platform, channel as LoadedChannel<"front">, parsed.front);
  }
  const files = await storeReceivedFiles(platform, app, parsed.delivery);
  const result = await ingestDelivery(platform.db, app, raw, parsed.delivery, {
    onDeliveryStatus: recordDeliveryStatus,
  });
  await attachReceivedFiles(platform, app, parsed.delivery, files, result.status === "duplicate");
  await replayCache.remember(verified.replayKey);
  counters.increment("webhook_accepted_total", { channel: request.channel, outcome: result.status });
  // What was stored starts the pipeline now rather than at the relay's next poll.
  if (result.events > 0) platform.ports.wake();
  return result.status === "duplicate" ? { kind: "duplicate", result } : { kind: "stored", result };
}

/** WhatsApp statuses move our own deliveries forward (sent → delivered → read, or failed). */
const recordDeliveryStatus: DeliveryStatusSink = async (tx, app, channel, status) =>
  Boolean(
    await applyVendorStatus(tx, app.orgId, {
      channelKind: channel,
      vendorMessageId: status.vendorMessageId,
      status: status.status,
      at: status.at,
      reason: status.error,
    }),
  );

/**
 * Front webhooks carry previews. With an API token the full message replaces the preview;
 * without one, or when Front cannot be reached in time, the preview is kept and marked.
 */
async function completeFrontPreview(platform: Platform, channel: LoadedChannel<"front">, front: FrontEvent) {
  const target = front.messageToFetch;
  const preview = front.delivery.messages[0];
  if (!target || !preview) return;
  if (!channel.secrets.apiToken) {
    preview.metadata = { ...preview.metadata, preview: true, previewReason: "no Front API token configured" };
    return;
  }
  try {
    const full = await fetchFrontMessage({
      baseUrl: channel.settings.baseUrl,
      apiToken: channel.secrets.apiToken,
      messageId: target.id,
      fetch: platform.ports.outbound.fetch,
    });
    front.delivery.messages[0] = frontMessageToInbound(full, target.conversation, false);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    platform.ports.logger.warn({ channel: "front", reason }, "front message fetch failed; keeping the preview");
    preview.metadata = { ...preview.metadata, preview: true, previewReason: reason };
  }
}

function keptHeaders(request: WebhookRequest): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = request.header(name);
    if (value) kept[name] = value.slice(0, 200);
  }
  return kept;
}

/** The WhatsApp GET handshake. */
export async function verifyWhatsAppSubscription(
  platform: Platform,
  appId: string,
  query: { mode?: string; verifyToken?: string; challenge?: string },
): Promise<string> {
  const app = await findWebhookApp(platform.db, appId);
  const channel = await loadChannel(platform, app, "whatsapp");
  if (!channel) throw new AppError("not_found", "The whatsapp channel is not configured for this app.");
  const challenge = whatsAppChallenge(query, channel.secrets.verifyToken);
  if (challenge === undefined) throw new AppError("forbidden", "The verify token does not match.");
  return challenge;
}
