import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { signPayload } from "@support/sdk/signing";
import { describe, expect, it } from "vitest";
import {
  createReplayCache,
  signFront,
  signSlack,
  signStandardWebhook,
  signWhatsApp,
  signZendesk,
  verifyFront,
  verifyGeneric,
  verifySlack,
  verifyStandardWebhook,
  verifyWhatsApp,
  verifyZendesk,
} from "../src/index.js";

interface Vector {
  vendor: string;
  secret: string;
  headers: Record<string, string>;
  body: string;
  mustFail: { why: string; body?: string; signature?: string }[];
}
const vectors: Vector[] = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../../shared/fixtures/webhook-vectors.json", import.meta.url)), "utf8"),
).vectors;
const bytes = (s: string) => new TextEncoder().encode(s);

/** Each scheme, driven by a vector: verify with the clock pinned to the vector's timestamp. */
const schemes: Record<string, (v: Vector, body: string, signature: string) => boolean> = {
  slack: (v, body, signature) => {
    const ts = v.headers["x-slack-request-timestamp"];
    return verifySlack({
      rawBody: bytes(body),
      timestamp: ts,
      signature,
      secrets: [v.secret],
      window: { nowSeconds: Number(ts) },
    }).ok;
  },
  "standard-webhooks": (v, body, signature) => {
    const ts = v.headers["webhook-timestamp"];
    return verifyStandardWebhook({
      rawBody: bytes(body),
      id: v.headers["webhook-id"],
      timestamp: ts,
      signature,
      secrets: [v.secret],
      window: { nowSeconds: Number(ts) },
    }).ok;
  },
  stripe: (v, body, signature) => {
    const t = Number(/t=(\d+)/.exec(signature)?.[1] ?? /t=(\d+)/.exec(v.headers["stripe-signature"] ?? "")?.[1]);
    return verifyGeneric({ rawBody: bytes(body), signature, secrets: [v.secret], window: { nowSeconds: t } }).ok;
  },
  zendesk: (v, body, signature) => {
    const ts = v.headers["x-zendesk-webhook-signature-timestamp"] ?? "";
    return verifyZendesk({
      rawBody: bytes(body),
      timestamp: ts,
      signature,
      secrets: [v.secret],
      window: { nowSeconds: Date.parse(ts) / 1000 },
    }).ok;
  },
  front: (v, body, signature) => {
    const ts = v.headers["x-front-request-timestamp"] ?? "";
    return verifyFront({
      rawBody: bytes(body),
      timestamp: ts,
      signature,
      secrets: [v.secret],
      window: { nowSeconds: Number(ts) / 1000 },
    }).ok;
  },
  whatsapp: (v, body, signature) => verifyWhatsApp({ rawBody: bytes(body), signature, secrets: [v.secret] }).ok,
};
const signatureHeader: Record<string, string> = {
  slack: "x-slack-signature",
  "standard-webhooks": "webhook-signature",
  stripe: "stripe-signature",
  zendesk: "x-zendesk-webhook-signature",
  front: "x-front-signature",
  whatsapp: "x-hub-signature-256",
};

describe("the shared signature vectors", () => {
  it("has a verifier for every vendor in the fixtures", () => {
    expect(vectors.map((v) => v.vendor).sort()).toEqual(Object.keys(schemes).sort());
  });
  for (const v of vectors) {
    const verify = schemes[v.vendor];
    const header = signatureHeader[v.vendor] ?? "";
    it(`${v.vendor}: the vector verifies`, () => {
      expect(verify?.(v, v.body, v.headers[header] ?? "")).toBe(true);
    });
    for (const bad of v.mustFail) {
      it(`${v.vendor}: rejects ${bad.why}`, () => {
        expect(verify?.(v, bad.body ?? v.body, bad.signature ?? v.headers[header] ?? "")).toBe(false);
      });
    }
  }
});

/** Each vendor's signer, producing the vector's signature header from its body, headers and secret. */
const signers: Record<string, (v: Vector) => string> = {
  slack: (v) => signSlack(v.body, v.headers["x-slack-request-timestamp"] ?? "", v.secret),
  "standard-webhooks": (v) =>
    signStandardWebhook(v.body, v.headers["webhook-id"] ?? "", v.headers["webhook-timestamp"] ?? "", v.secret),
  stripe: (v) => signPayload(v.body, [v.secret], Number(/t=(\d+)/.exec(v.headers["stripe-signature"] ?? "")?.[1])),
  zendesk: (v) => signZendesk(v.body, v.headers["x-zendesk-webhook-signature-timestamp"] ?? "", v.secret),
  front: (v) => signFront(v.body, v.headers["x-front-request-timestamp"] ?? "", v.secret),
  whatsapp: (v) => signWhatsApp(v.body, v.secret),
};

describe("the vendors' signers", () => {
  it("has a signer for every vendor in the fixtures", () => {
    expect(vectors.map((v) => v.vendor).sort()).toEqual(Object.keys(signers).sort());
  });
  for (const v of vectors) {
    it(`${v.vendor}: signs the vector's body exactly as the vendor did`, () => {
      expect(signers[v.vendor]?.(v)).toBe(v.headers[signatureHeader[v.vendor] ?? ""]);
    });
  }
});

describe("timestamp windows", () => {
  const secret = "whsec_window";
  const body = '{"type":"message.received"}';
  const now = 1_800_000_000;
  const generic = (age: number) =>
    verifyGeneric({
      rawBody: bytes(body),
      signature: signPayload(body, [secret], now - age),
      secrets: [secret],
      window: { nowSeconds: now },
    });
  const front = (age: number) => {
    const ts = String((now - age) * 1000);
    const signature = signFront(body, ts, secret);
    return verifyFront({
      rawBody: bytes(body),
      timestamp: ts,
      signature,
      secrets: [secret],
      window: { nowSeconds: now },
    });
  };
  const zendesk = (age: number) => {
    const ts = new Date((now - age) * 1000).toISOString();
    const signature = signZendesk(body, ts, secret);
    return verifyZendesk({
      rawBody: bytes(body),
      timestamp: ts,
      signature,
      secrets: [secret],
      window: { nowSeconds: now },
    });
  };
  const slack = (age: number) => {
    const ts = String(now - age);
    const signature = signSlack(body, ts, secret);
    return verifySlack({
      rawBody: bytes(body),
      timestamp: ts,
      signature,
      secrets: [secret],
      window: { nowSeconds: now },
    });
  };
  for (const [name, verify] of Object.entries({ generic, front, zendesk, slack })) {
    it(`${name}: 299 s old is accepted, 301 s old and 60 s in the future are rejected`, () => {
      expect(verify(299).ok).toBe(true);
      expect(verify(301)).toEqual({ ok: false, reason: "timestamp_out_of_range" });
      expect(verify(-60)).toEqual({ ok: false, reason: "timestamp_out_of_range" });
    });
  }

  it("accepts any active secret during rotation and reports malformed headers without throwing", () => {
    const header = signPayload(body, ["old", "new"], now);
    expect(
      verifyGeneric({ rawBody: bytes(body), signature: header, secrets: ["new"], window: { nowSeconds: now } }).ok,
    ).toBe(true);
    expect(verifyGeneric({ rawBody: bytes(body), signature: "t=abc,v1=zz", secrets: ["new"] })).toEqual({
      ok: false,
      reason: "malformed_header",
    });
    expect(verifyFront({ rawBody: bytes(body), timestamp: "x", signature: "!!", secrets: ["s"] })).toEqual({
      ok: false,
      reason: "malformed_header",
    });
    expect(verifyWhatsApp({ rawBody: bytes(body), signature: undefined, secrets: ["s"] })).toEqual({
      ok: false,
      reason: "missing_headers",
    });
  });

  it("signs non-ASCII WhatsApp bodies over the escaped bytes Meta sends", () => {
    const raw = '{"text":"caf\\u00e9"}';
    const signature = signWhatsApp(raw, "meta");
    expect(verifyWhatsApp({ rawBody: bytes(raw), signature, secrets: ["meta"] }).ok).toBe(true);
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(verifyWhatsApp({ rawBody: bytes(reserialised), signature, secrets: ["meta"] }).ok).toBe(false);
  });
});

describe("replay cache", () => {
  it("remembers a signature for the window, then forgets it", () => {
    let t = 0;
    const cache = createReplayCache({ ttlMs: 1000, now: () => t });
    const first = verifyGeneric({ rawBody: bytes("{}"), signature: signPayload("{}", ["s"]), secrets: ["s"] });
    if (!first.ok) throw new Error("expected a valid signature");
    expect(cache.has(first.replayKey)).toBe(false);
    cache.remember(first.replayKey);
    t = 999;
    expect(cache.has(first.replayKey)).toBe(true);
    t = 1001;
    expect(cache.has(first.replayKey)).toBe(false);
  });

  it("stays bounded", () => {
    const cache = createReplayCache({ maxEntries: 2 });
    for (const key of ["a", "b", "c"]) cache.remember(key);
    expect([cache.has("a"), cache.has("b"), cache.has("c")]).toEqual([false, true, true]);
  });
});
