import { AppError, receiveWebhook, verifyWhatsAppSubscription, type WebhookChannel } from "@support/core";
import { Hono } from "hono";
import type { ApiEnv } from "../context.js";

const WEBHOOK_CHANNELS = new Set<WebhookChannel>(["front", "zendesk", "whatsapp", "email", "generic"]);

/**
 * `POST /webhooks/:channel/:app`: the raw bytes go to the channel service untouched (signatures
 * are computed over them), and the answer is sent only after the transaction committed. No
 * caller is authenticated here: the service finds the app by id and checks the signature.
 */
export function webhookRoutes() {
  const router = new Hono<ApiEnv>();

  router.get("/whatsapp/:app", async (c) => {
    const challenge = await verifyWhatsAppSubscription(c.var.runtime.platform, c.req.param("app"), {
      mode: c.req.query("hub.mode"),
      verifyToken: c.req.query("hub.verify_token"),
      challenge: c.req.query("hub.challenge"),
    });
    return c.text(challenge, 200);
  });

  router.post("/:channel/:app", async (c) => {
    const channel = c.req.param("channel") as WebhookChannel;
    if (!WEBHOOK_CHANNELS.has(channel)) throw new AppError("not_found", `Unknown channel "${channel}".`);
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const outcome = await receiveWebhook(c.var.runtime.platform, {
      channel,
      appId: c.req.param("app"),
      rawBody,
      header: (name) => c.req.header(name),
    });
    if (outcome.kind === "challenge") return c.json({ challenge: outcome.challenge }, 200);
    return c.json(
      {
        ok: true,
        status: outcome.kind,
        messages: outcome.result?.messageIds.length ?? 0,
      },
      200,
    );
  });
  return router;
}
