import { InboundPayloadError, parseWebForm } from "@support/channels";
import type { App } from "@support/db";
import { AppError } from "../service/errors.js";
import { loadChannel } from "./channels.js";
import { ingestDelivery } from "./ingest.js";
import type { RateLimiter, RateLimitRule } from "./rate-limit.js";
import { findWebhookApp, type ReceiveDeps } from "./receive.js";

export const FORM_LIMITS: { perIp: RateLimitRule; perApp: RateLimitRule } = {
  perIp: { capacity: 5, refillPerSecond: 5 / 600 },
  perApp: { capacity: 300, refillPerSecond: 300 / 3600 },
};

/** The app behind a public form, or 404 when it does not exist or its form is switched off. */
export async function findFormApp(deps: Pick<ReceiveDeps, "database" | "secrets">, appId: string): Promise<App> {
  const app = await findWebhookApp(deps.database, appId);
  if (!(await loadChannel(deps.database.db, deps.secrets, app, "web"))) {
    throw new AppError("not_found", "This app does not accept messages through a form.");
  }
  return app;
}

/**
 * A message from the public contact form. Rate-limited per IP and per app before anything
 * else; a filled honeypot is answered like a success so bots learn nothing, and stored nowhere.
 */
export async function receiveWebForm(
  deps: ReceiveDeps & { rateLimiter: RateLimiter },
  input: { appId: string; ip: string; fields: Record<string, unknown> },
): Promise<{ stored: boolean }> {
  const app = await findFormApp(deps, input.appId);
  for (const [key, rule] of [
    [`form:ip:${input.ip}:${app.id}`, FORM_LIMITS.perIp],
    [`form:app:${app.id}`, FORM_LIMITS.perApp],
  ] as const) {
    const decision = deps.rateLimiter.take(key, rule);
    if (!decision.ok) {
      deps.counters.increment("form_rate_limited_total");
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
    deps.counters.increment("form_honeypot_total");
    return { stored: false };
  }
  const raw = { channel: "web" as const, rawBody: JSON.stringify(input.fields), headers: {} };
  const result = await ingestDelivery(deps.database, app, raw, parsed.delivery);
  deps.counters.increment("webhook_accepted_total", { channel: "web", outcome: result.status });
  return { stored: result.messageIds.length > 0 };
}
