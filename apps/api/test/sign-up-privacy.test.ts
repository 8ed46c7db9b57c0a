import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestProduct, type TestProduct } from "./harness.js";

/*
 * Issue 14 (low): sign-up answered 422 "User already exists" for a registered email, so anyone
 * could learn who has an account. Now a taken email gets the answer a new one gets, and the
 * password is hashed on both paths (better-auth), so the work done has the same shape.
 */
describe("sign-up does not reveal registered emails", () => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await openTestProduct({});
  });
  afterAll(async () => p.runtime.database.close());

  const post = (path: string, body: object) =>
    p.api.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", origin: p.runtime.config.publicUrl },
      body: JSON.stringify(body),
    });
  /** What an observer compares: status, cookies, and the body with its generated values blanked. */
  const shape = async (res: Response) => ({
    status: res.status,
    cookies: res.headers.getSetCookie(),
    body: JSON.stringify(await res.json())
      .replace(/"(id|createdAt|updatedAt)":"[^"]*"/g, '"$1":"…"')
      .replace(/"email":"[^"]*"/g, '"email":"…"'),
  });

  it("answers a taken email exactly as a new one, and the account keeps its password", async () => {
    const taken = `taken-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const fresh = `fresh-${Math.random().toString(36).slice(2, 8)}@example.com`;
    expect(
      (await post("/api/auth/sign-up/email", { email: taken, password: "the owner's password", name: "Ada" })).status,
    ).toBe(200);

    const again = await shape(
      await post("/api/auth/sign-up/email", { email: taken, password: "an intruder's guess", name: "Ada" }),
    );
    const newcomer = await shape(
      await post("/api/auth/sign-up/email", { email: fresh, password: "an intruder's guess", name: "Ada" }),
    );
    expect(again).toEqual(newcomer);
    expect(again).toMatchObject({ status: 200, cookies: [] });

    // The intruder's password opens nothing, and the owner's still signs in.
    const intruder = await post("/api/auth/sign-in/email", { email: taken, password: "an intruder's guess" });
    expect(intruder.status).toBe(401);
    const owner = await post("/api/auth/sign-in/email", { email: taken, password: "the owner's password" });
    expect(owner.status).toBe(200);
    expect(owner.headers.getSetCookie().join()).toMatch(/HttpOnly/i);
  });
});
