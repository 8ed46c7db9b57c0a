import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Who a signed-in user of the product is, as the product's server vouches for them to the chat
 * widget. `plan` selects the app's autonomy tier for this customer; `exp` is unix seconds.
 */
export interface WidgetIdentity {
  userId: string;
  email?: string;
  plan?: string;
  exp: number;
}

export type WidgetIdentityFailure = "malformed" | "bad_signature" | "expired";
export type WidgetIdentityResult =
  | { ok: true; identity: WidgetIdentity }
  | { ok: false; reason: WidgetIdentityFailure };

/** The longest token accepted: four short fields never come near it. */
const MAX_TOKEN_LENGTH = 2048;

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(payload).digest();
}

/**
 * Signs an identity for the widget's `data-identity` (or the React component's `identity`):
 * `<base64url JSON>.<base64url HMAC-SHA256 of the first part>`, keyed with the app's widget secret.
 * Call it on the product's server, never in the browser: whoever holds the secret can be anyone.
 */
export function signWidgetIdentity(identity: WidgetIdentity, secret: string): string {
  if (!secret) throw new Error("the app's widget secret is required");
  if (!identity.userId) throw new Error("identity.userId is required");
  if (!Number.isInteger(identity.exp)) throw new Error("identity.exp must be unix seconds");
  const payload = Buffer.from(JSON.stringify(identity)).toString("base64url");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/**
 * Checks a signed identity against the app's live widget secrets (two during rotation), in
 * constant time per comparison, and refuses it once `exp` has passed.
 */
export function verifyWidgetIdentity(
  token: string,
  secrets: string[],
  now = Math.floor(Date.now() / 1000),
): WidgetIdentityResult {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return { ok: false, reason: "malformed" };
  const payload = token.slice(0, dot);
  const signature = Buffer.from(token.slice(dot + 1), "base64url");
  let matched = false;
  for (const secret of secrets) {
    const expected = mac(secret, payload);
    matched = (signature.length === expected.length && timingSafeEqual(signature, expected)) || matched;
  }
  if (!matched) return { ok: false, reason: "bad_signature" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const candidate = parsed as Partial<WidgetIdentity> | null;
  const text = (v: unknown, max: number) => v === undefined || (typeof v === "string" && v.length <= max);
  if (
    !candidate ||
    typeof candidate.userId !== "string" ||
    candidate.userId.length === 0 ||
    candidate.userId.length > 200 ||
    !text(candidate.email, 320) ||
    !text(candidate.plan, 50) ||
    typeof candidate.exp !== "number" ||
    !Number.isInteger(candidate.exp)
  ) {
    return { ok: false, reason: "malformed" };
  }
  if (candidate.exp < now) return { ok: false, reason: "expired" };
  const { userId, email, plan, exp } = candidate;
  return { ok: true, identity: { userId, ...(email ? { email } : {}), ...(plan ? { plan } : {}), exp } };
}
