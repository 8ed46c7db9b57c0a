import { InboundPayloadError, parseWebForm } from "@support/channels";
import type { App } from "@support/db";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";
import { loadChannel } from "./channels.js";
import { networkOf } from "./client-address.js";
import { ingestDelivery } from "./ingest.js";
import type { RateLimitRule } from "./rate-limit.js";
import { findWebhookApp } from "./receive.js";

/**
 * Per address, then per network (/24, /48), then per app: a request refused by a narrower bucket
 * takes nothing from the wider ones, and the network bucket keeps one block of addresses from
 * spending the app's budget for every other visitor (ADR 0102).
 */
export const FORM_LIMITS: { perIp: RateLimitRule; perNetwork: RateLimitRule; perApp: RateLimitRule } = {
  perIp: { capacity: 5, refillPerSecond: 5 / 600 },
  perNetwork: { capacity: 20, refillPerSecond: 20 / 600 },
  perApp: { capacity: 300, refillPerSecond: 300 / 3600 },
};

/**
 * The app behind a public form, or 404 when it does not exist or its form is switched off. Like
 * webhooks, the form is public: it finds the app by id before any organization is known.
 */
export async function findFormApp(platform: Platform, appId: string): Promise<App> {
  const app = await findWebhookApp(platform.db, appId);
  if (!(await loadChannel(platform, app, "web"))) {
    throw new AppError("not_found", "This app does not accept messages through a form.");
  }
  return app;
}

/**
 * A message from the public contact form. Rate-limited per IP and per app before anything
 * else; a filled honeypot is answered like a success so bots learn nothing, and stored nowhere.
 */
export async function receiveWebForm(
  platform: Platform,
  input: { appId: string; ip: string; fields: Record<string, unknown> },
): Promise<{ stored: boolean }> {
  const { counters, rateLimiter } = platform.ports;
  const app = await findFormApp(platform, input.appId);
  for (const [key, rule] of [
    [`form:ip:${input.ip}:${app.id}`, FORM_LIMITS.perIp],
    [`form:net:${networkOf(input.ip)}:${app.id}`, FORM_LIMITS.perNetwork],
    [`form:app:${app.id}`, FORM_LIMITS.perApp],
  ] as const) {
    const decision = rateLimiter.take(key, rule);
    if (!decision.ok) {
      counters.increment("form_rate_limited_total");
      throw new AppError("rate_limited", "Too many messages; please try again later.", {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
  }
  let parsed: ReturnType<typeof parseWebForm>;
  try {
    parsed = parseWebForm(input.fields);
  } catch (error) {
    if (error instanceof InboundPayloadError) throw new AppError("invalid_input", error.message);
    throw error;
  }
  if (parsed.kind === "honeypot") {
    counters.increment("form_honeypot_total");
    return { stored: false };
  }
  const raw = { channel: "web" as const, rawBody: JSON.stringify(input.fields), headers: {} };
  const result = await ingestDelivery(platform.db, app, raw, parsed.delivery);
  counters.increment("webhook_accepted_total", { channel: "web", outcome: result.status });
  if (result.events > 0) platform.ports.wake();
  return { stored: result.messageIds.length > 0 };
}
