/**
 * Bodies that do not match their declared type answer 4xx problem+json, never 500 (issue 14, Low).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestProduct, type TestProduct } from "./harness.js";

let p: TestProduct;
beforeAll(async () => {
  p = await openTestProduct({});
});
afterAll(async () => p.runtime.database.close());

describe("malformed bodies", () => {
  it.each([
    ["multipart without a boundary", "multipart/form-data"],
    ["multipart that is not multipart", "multipart/form-data; boundary=x"],
    ["torn url-encoded form", "application/x-www-form-urlencoded; charset=nope"],
  ])("answers 400 to the public form for %s", async (_name, type) => {
    const res = await p.api.request(`/public/${p.appId}/messages`, {
      method: "POST",
      headers: { "content-type": type },
      body: "garbage",
    });
    expect(res.status).toBeLessThan(500);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.text()).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
