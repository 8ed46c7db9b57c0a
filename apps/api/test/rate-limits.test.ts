/**
 * Sign-in and public-form limits on the client address (issue 14, Medium 5 and 7; ADR 0102):
 * `X-Forwarded-For` counts only with TRUST_PROXY, sign-in is limited per address and per
 * account, and one block of addresses cannot spend an app's form budget for everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestProduct, type TestProduct } from "./harness.js";

const signIn = (p: TestProduct, email: string, password: string, forwardedFor?: string) =>
  p.api.request("/api/auth/sign-in/email", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: p.runtime.config.publicUrl,
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
    },
    body: JSON.stringify({ email, password }),
  });

async function signUp(p: TestProduct, email: string) {
  const res = await p.api.request("/api/auth/sign-up/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: p.runtime.config.publicUrl },
    body: JSON.stringify({ email, password: "correct horse battery", name: "Ada" }),
  });
  expect(res.status).toBe(200);
}

describe("without TRUST_PROXY", () => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await openTestProduct({});
  });
  afterAll(async () => p.runtime.database.close());

  it("ignores X-Forwarded-For: a new header per attempt does not give a new bucket", { timeout: 120_000 }, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await signIn(p, `nobody-${i}@example.com`, "wrong password!", `198.51.100.${i}`)).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

describe("with TRUST_PROXY", () => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await openTestProduct({ TRUST_PROXY: "true" });
    await signUp(p, "ada@example.com");
    await signUp(p, "grace@example.com");
  });
  afterAll(async () => p.runtime.database.close());

  it("limits one address trying many accounts, and not the people behind other addresses", {
    timeout: 120_000,
  }, async () => {
    for (let i = 0; i < 20; i++) {
      expect((await signIn(p, `guess-${i}@example.com`, "wrong password!", "203.0.113.9")).status).toBe(401);
    }
    const limited = await signIn(p, "guess-x@example.com", "wrong password!", "10.9.9.9, 203.0.113.9");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // A spoofed first entry does not matter: the proxy's last hop is the address.
    expect((await signIn(p, "guess-y@example.com", "wrong password!", "192.0.2.1, 203.0.113.9")).status).toBe(429);
    expect((await signIn(p, "ada@example.com", "correct horse battery", "198.51.100.20")).status).toBe(200);
  });

  it("limits many addresses trying one account's passwords, and leaves other accounts alone", {
    timeout: 120_000,
  }, async () => {
    for (let i = 0; i < 10; i++) {
      expect((await signIn(p, "Grace@Example.com", `wrong password ${i}`, `100.64.${i}.1`)).status).toBe(401);
    }
    expect((await signIn(p, "grace@example.com", "correct horse battery", "100.64.99.1")).status).toBe(429);
    expect((await signIn(p, "ada@example.com", "correct horse battery", "100.64.98.1")).status).toBe(200);
  });

  it("keeps an app's form open to other visitors while one network sends all it can", {
    timeout: 120_000,
  }, async () => {
    const submit = (forwardedFor: string) =>
      p.api.request(`/public/${p.appId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ email: "mia@example.com", message: "Hello" }),
      });
    let accepted = 0;
    for (let host = 1; host <= 61; host++) {
      for (let i = 0; i < 5; i++) if ((await submit(`10.1.2.${host}`)).status === 201) accepted++;
    }
    // 61 addresses × 5 used to be 305 messages, more than the app's 300 an hour.
    expect(accepted).toBe(20);
    expect((await submit("192.0.2.7")).status).toBe(201);
    expect((await submit("2001:db8:1::7")).status).toBe(201);
  });
});
