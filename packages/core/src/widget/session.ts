import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { WidgetSessionRequest, WidgetSessionView, WidgetTier } from "@support/contract";
import { type App, appSettings } from "@support/db";
import { verifyWidgetIdentity } from "@support/sdk";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";
import { findWidgetApp, isAllowedOrigin, tierForPlan, type WidgetSetup } from "./config.js";
import { takeWidgetLimit } from "./limits.js";

/** How long a session token is good for: a returning anonymous visitor keeps their conversation. */
const ANONYMOUS_SESSION_SECONDS = 90 * 24 * 3600;
/** An identified session lives a day; the product signs a fresh identity on each page anyway. */
const IDENTIFIED_SESSION_SECONDS = 24 * 3600;
const PREFIX = "ws1";

/** What a session token says, signed with the app's widget secret. */
interface SessionClaims {
  /** The app. */
  a: string;
  /** The visitor key, which is the conversation's external id: `anon_…` or `user_<hash of the user id>`. */
  v: string;
  /** The product's user id, for identified visitors. */
  u?: string;
  e?: string;
  n?: string;
  p?: string;
  /** Expiry, unix seconds. */
  x: number;
}

/** A verified visitor, as every widget route after the session start sees them. */
export interface WidgetVisitor {
  app: App;
  setup: WidgetSetup;
  key: string;
  userId: string | null;
  email: string | null;
  name: string | null;
  plan: string | null;
  /** The autonomy tier drafts for this visitor follow. */
  tier: WidgetTier;
}

function mac(secret: string, payload: string): Buffer {
  // The purpose is part of the MAC, so a signed identity can never pass for a session token.
  return createHmac("sha256", secret).update(`widget-session.${payload}`).digest();
}

function signSession(secret: string, claims: SessionClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${PREFIX}.${payload}.${mac(secret, payload).toString("base64url")}`;
}

function readSession(token: string, appId: string, secrets: string[], now: number): SessionClaims | undefined {
  const [prefix, payload, signature, extra] = token.split(".");
  if (prefix !== PREFIX || !payload || !signature || extra !== undefined || token.length > 2048) return undefined;
  const given = Buffer.from(signature, "base64url");
  let matched = false;
  for (const secret of secrets) {
    const expected = mac(secret, payload);
    matched = (given.length === expected.length && timingSafeEqual(given, expected)) || matched;
  }
  if (!matched) return undefined;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as SessionClaims;
  return claims.a === appId && claims.x >= now ? claims : undefined;
}

function visitorOf(app: App, setup: WidgetSetup, claims: SessionClaims): WidgetVisitor {
  return {
    app,
    setup,
    key: claims.v,
    userId: claims.u ?? null,
    email: claims.e ?? null,
    name: claims.n ?? null,
    plan: claims.p ?? null,
    tier: tierForPlan(setup, claims.p) ?? appSettings(app).autonomyTier,
  };
}

/** The app and its setup for a browser request, refused (403) unless the page's origin is allowed. */
export async function widgetAppForOrigin(platform: Platform, appId: string, origin: string | undefined) {
  const found = await findWidgetApp(platform, appId);
  if (!isAllowedOrigin(found.setup, origin)) {
    platform.ports.counters.increment("widget_origin_refused_total");
    throw new AppError("forbidden", "This page may not use the app's chat widget.");
  }
  return found;
}

/**
 * Starts or resumes a visitor's session. A signed identity makes an identified visitor (their
 * conversation follows the user id across devices); an earlier anonymous session token resumes
 * that visitor (their conversation across visits); otherwise a new anonymous visitor begins.
 * An identity that does not verify is refused outright, never downgraded to anonymous.
 */
export async function startWidgetSession(
  platform: Platform,
  input: { appId: string; origin: string | undefined; ip: string; request: WidgetSessionRequest },
  now = Math.floor(Date.now() / 1000),
): Promise<WidgetSessionView> {
  const { app, setup } = await widgetAppForOrigin(platform, input.appId, input.origin);
  takeWidgetLimit(platform, "session", app.id, input.ip);
  const { request } = input;
  let claims: SessionClaims;
  if (request.identity) {
    const verified = verifyWidgetIdentity(request.identity, setup.secrets, now);
    if (!verified.ok) {
      platform.ports.counters.increment("widget_identity_refused_total", { reason: verified.reason });
      throw new AppError("unauthorized", `The signed identity is not valid (${verified.reason.replace("_", " ")}).`);
    }
    const { userId, email, plan } = verified.identity;
    const key = `user_${createHash("sha256").update(userId).digest("hex").slice(0, 40)}`;
    claims = {
      a: app.id,
      v: key,
      u: userId,
      e: email ?? request.email,
      n: request.name,
      p: plan,
      x: now + IDENTIFIED_SESSION_SECONDS,
    };
  } else {
    const earlier = request.session ? readSession(request.session, app.id, setup.secrets, now) : undefined;
    if (request.session && (!earlier || earlier.u)) {
      throw new AppError("unauthorized", "The session is not valid any more; start a new one.");
    }
    claims = {
      a: app.id,
      v: earlier?.v ?? `anon_${randomBytes(15).toString("base64url")}`,
      e: request.email ?? earlier?.e,
      n: request.name ?? earlier?.n,
      x: now + ANONYMOUS_SESSION_SECONDS,
    };
  }
  const secret = setup.secrets[0] as string;
  return {
    token: signSession(secret, claims),
    visitor: { kind: claims.u ? "identified" : "anonymous", email: claims.e ?? null, name: claims.n ?? null },
    emailRequired: !claims.e,
    tier: tierForPlan(setup, claims.p) ?? appSettings(app).autonomyTier,
    responseTime: setup.responseTime,
    expiresAt: new Date(claims.x * 1000).toISOString(),
    maxFileBytes: platform.ports.files.maxBytes,
  };
}

/**
 * The visitor a request's session token names, for this app and an allowed origin; 401 for a
 * token that is missing, forged, expired or another app's. The token is the only key to a
 * conversation: no route takes a conversation id from the browser.
 */
export async function authenticateVisitor(
  platform: Platform,
  input: { appId: string; origin: string | undefined; token: string | undefined },
  now = Math.floor(Date.now() / 1000),
): Promise<WidgetVisitor> {
  const { app, setup } = await widgetAppForOrigin(platform, input.appId, input.origin);
  const claims = input.token ? readSession(input.token, app.id, setup.secrets, now) : undefined;
  if (!claims) throw new AppError("unauthorized", "Start a widget session first.");
  return visitorOf(app, setup, claims);
}
