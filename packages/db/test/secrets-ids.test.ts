import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, isId, newId } from "../src/index.js";

describe("secrets at rest", () => {
  it("round-trips, never stores plaintext, and reads old key versions after rotation", () => {
    const v1 = randomBytes(32);
    const v2 = randomBytes(32);
    const old = createSecretBox({ 1: v1 }, 1);
    const stored = old.encrypt("whsec_front_secret");
    expect(stored).not.toContain("whsec_front_secret");
    expect(stored.startsWith("v1:")).toBe(true);
    const rotated = createSecretBox({ 1: v1, 2: v2 }, 2);
    expect(rotated.decrypt(stored)).toBe("whsec_front_secret");
    expect(rotated.encrypt("x").startsWith("v2:")).toBe(true);
  });

  it("rejects tampered ciphertext and unknown key versions", () => {
    const box = createSecretBox({ 1: randomBytes(32) }, 1);
    const stored = box.encrypt("secret");
    const parts = stored.split(":");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => box.decrypt(parts.join(":"))).toThrow(/authentication/);
    expect(() => box.decrypt(stored.replace(/^v1/, "v9"))).toThrow(/unreadable/);
  });

  it("signs with a key per purpose, verifies across a rotation, and refuses a changed message or purpose", () => {
    const v1 = randomBytes(32);
    const old = createSecretBox({ 1: v1 }, 1);
    const tag = old.mac("rating", "dlv_1.org_1");
    expect(tag).toMatch(/^1\.[\w-]{43}$/);
    expect(old.verifyMac("rating", "dlv_1.org_1", tag)).toBe(true);
    expect(old.verifyMac("rating", "dlv_2.org_1", tag)).toBe(false);
    expect(old.verifyMac("other", "dlv_1.org_1", tag)).toBe(false);
    expect(old.verifyMac("rating", "dlv_1.org_1", tag.replace(/^1/, "9"))).toBe(false);
    expect(old.verifyMac("rating", "dlv_1.org_1", "1.short")).toBe(false);
    const rotated = createSecretBox({ 1: v1, 2: randomBytes(32) }, 2);
    expect(rotated.verifyMac("rating", "dlv_1.org_1", tag)).toBe(true);
    expect(rotated.mac("rating", "dlv_1.org_1").startsWith("2.")).toBe(true);
  });
});

describe("public ids", () => {
  it("are prefixed and sort in creation order, even within one millisecond", () => {
    const ids = Array.from({ length: 200 }, () => newId("conversation", 1_700_000_000_000));
    expect(ids.every((id) => isId("conversation", id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    const later = newId("conversation", 1_700_000_000_500);
    expect(later > (ids[ids.length - 1] ?? "")).toBe(true);
  });
});
