import type { ReplyTarget } from "@support/channels";
import { appSettings, getApp, listMessages } from "@support/db";
import { detectLanguage } from "@support/decisions";
import type { ServiceContext } from "../service/context.js";
import { RATING_TEXTS, ratingChoices } from "./texts.js";
import { type RatingLanguage, signRatingToken } from "./token.js";

/** How long a rating link is honoured after its reply. */
export const RATING_LINK_DAYS = 30;

/** Channels whose replies are emails: room for one link per score. */
const EMAIL_CHANNELS = new Set(["email", "web"]);
/** The widget rates in place with its own thumbs: no link under its replies. */
const NO_LINK_CHANNELS = new Set(["widget"]);

function asRatingLanguage(language: string | null | undefined): RatingLanguage | undefined {
  const base = language?.slice(0, 2).toLowerCase();
  return base === "fr" || base === "mg" || base === "en" ? base : undefined;
}

/** The reply's language: the customer's latest message's, else the app's, else English. */
async function replyLanguage(
  ctx: ServiceContext,
  conversationId: string,
  appLanguage: string,
): Promise<RatingLanguage> {
  const messages = await listMessages(ctx.db, ctx.org.id, conversationId);
  const latest = messages.filter((m) => m.direction === "inbound" && m.text).at(-1);
  const detected = latest?.text ? detectLanguage(latest.text).language : undefined;
  return asRatingLanguage(detected) ?? asRatingLanguage(appLanguage) ?? "en";
}

/**
 * The reply's text with its rating links under it when the app asks for ratings (`csat`), bound
 * to the delivery that carries it: emails get one link per score, other channels one line to the
 * rating page, the widget nothing (it has its thumbs).
 */
export async function withRatingLinks(
  ctx: ServiceContext,
  target: ReplyTarget,
  deliveryId: string,
  text: string,
  now = new Date(),
): Promise<string> {
  if (NO_LINK_CHANNELS.has(target.channel)) return text;
  const app = await getApp(ctx.db, ctx.org.id, target.appId);
  const scale = app ? appSettings(app).csat : "off";
  if (!app || scale === "off") return text;
  const language = await replyLanguage(ctx, target.conversationId, appSettings(app).language);
  const token = signRatingToken(ctx.ports.secrets, {
    orgId: ctx.org.id,
    deliveryId,
    scale,
    language,
    expiresAt: Math.floor(now.getTime() / 1000) + RATING_LINK_DAYS * 86_400,
  });
  const page = `${ctx.ports.publicUrl}/rate/${token}`;
  const t = RATING_TEXTS[language];
  if (!EMAIL_CHANNELS.has(target.channel)) return `${text}\n\n${t.short} ${page}`;
  const links = ratingChoices(language, scale).map((c) => `${c.label}: ${page}?score=${c.score}`);
  return `${text}\n\n${t.ask}\n${links.join("\n")}`;
}
