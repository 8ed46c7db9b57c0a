import { describe, expect, it } from "vitest";
import { signWidgetIdentity, verifyWidgetIdentity } from "../src/index.js";

const now = 1_800_000_000;

describe("widget identity", () => {
  it("round-trips a signed identity under the current or the previous secret", () => {
    const token = signWidgetIdentity({ userId: "u_1", email: "a@b.co", plan: "pro", exp: now + 60 }, "old");
    expect(verifyWidgetIdentity(token, ["new", "old"], now)).toEqual({
      ok: true,
      identity: { userId: "u_1", email: "a@b.co", plan: "pro", exp: now + 60 },
    });
  });

  it("refuses another secret, an edited payload, an expired identity and junk", () => {
    const token = signWidgetIdentity({ userId: "u_1", exp: now + 60 }, "secret");
    expect(verifyWidgetIdentity(token, ["other"], now)).toEqual({ ok: false, reason: "bad_signature" });
    const [, sig] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ userId: "u_2", exp: now + 60 })).toString("base64url")}.${sig}`;
    expect(verifyWidgetIdentity(forged, ["secret"], now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyWidgetIdentity(token, ["secret"], now + 61)).toEqual({ ok: false, reason: "expired" });
    expect(verifyWidgetIdentity("nodot", ["secret"], now)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyWidgetIdentity("a.b.c", ["secret"], now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses to sign without a secret or a user", () => {
    expect(() => signWidgetIdentity({ userId: "u", exp: now }, "")).toThrow(/secret/);
    expect(() => signWidgetIdentity({ userId: "", exp: now }, "s")).toThrow(/userId/);
  });
});
