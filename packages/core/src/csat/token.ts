import type { SecretBox } from "@support/db";

/** The scales a reply can be rated on (the app's `csat` setting when it is not off). */
export type RatingScale = "five" | "thumbs";
/** The customer-facing languages: the rating page and the link line speak the reply's language. */
export type RatingLanguage = "en" | "fr" | "mg";

export interface RatingClaims {
  orgId: string;
  deliveryId: string;
  scale: RatingScale;
  language: RatingLanguage;
  /** Seconds since the epoch after which the link is refused. */
  expiresAt: number;
}

const PURPOSE = "reply rating link";
/** Ids are `<prefix>_<base32>`: a claim part never holds the separator. */
const ID = /^[a-z]{3}_[0-9A-Z]{10,40}$/;
const SCALES = new Set<string>(["five", "thumbs"]);
const LANGUAGES = new Set<string>(["en", "fr", "mg"]);

/**
 * The link's token: the claims in clear (`dlv_….org_….<expiry>.<lang>.<scale>`) and the box's
 * HMAC of them. The score is not signed: the token says which reply may be rated, the customer
 * picks the score.
 */
export function signRatingToken(box: SecretBox, claims: RatingClaims): string {
  const body = [claims.deliveryId, claims.orgId, String(claims.expiresAt), claims.language, claims.scale].join(".");
  return `${body}.${box.mac(PURPOSE, body)}`;
}

export type TokenCheck =
  | { ok: true; claims: RatingClaims }
  | { ok: false; reason: "tampered" | "expired"; language: RatingLanguage };

/**
 * Reads a token: `tampered` when it does not parse or its tag is not ours, `expired` past its
 * expiry (checked only once the tag holds, so an expiry cannot be forged longer). A split on a
 * bounded string: linear in its length.
 */
export function readRatingToken(box: SecretBox, token: string, now: Date): TokenCheck {
  const parts = token.length <= 300 ? token.split(".") : [];
  const [deliveryId, orgId, expiry, language, scale, version, tag] = parts;
  const spoken: RatingLanguage = language && LANGUAGES.has(language) ? (language as RatingLanguage) : "en";
  if (parts.length !== 7 || !deliveryId || !orgId || !expiry || !scale || !version || !tag) {
    return { ok: false, reason: "tampered", language: spoken };
  }
  const body = parts.slice(0, 5).join(".");
  const wellFormed =
    ID.test(deliveryId) && ID.test(orgId) && /^\d{1,12}$/.test(expiry) && LANGUAGES.has(spoken) && SCALES.has(scale);
  if (!wellFormed || !box.verifyMac(PURPOSE, body, `${version}.${tag}`)) {
    return { ok: false, reason: "tampered", language: spoken };
  }
  const expiresAt = Number(expiry);
  if (expiresAt * 1000 <= now.getTime()) return { ok: false, reason: "expired", language: spoken };
  return { ok: true, claims: { deliveryId, orgId, expiresAt, language: spoken, scale: scale as RatingScale } };
}
