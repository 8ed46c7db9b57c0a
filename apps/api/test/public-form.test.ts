import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonCall, openTestProduct, type TestProduct } from "./harness.js";

let p: TestProduct;
beforeAll(async () => {
  p = await openTestProduct({});
});
afterAll(async () => p.runtime.database.close());

const submit = (fields: Record<string, string>, type: "json" | "form" = "json", accept = "application/json") =>
  p.api.request(`/public/${p.appId}/messages`, {
    method: "POST",
    headers: { "content-type": type === "json" ? "application/json" : "application/x-www-form-urlencoded", accept },
    body: type === "json" ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });

describe("public contact form", () => {
  it("serves an accessible page with a hidden honeypot and escapes the app name", async () => {
    await jsonCall(p, `/api/v1/apps/${p.appId}`, { method: "PATCH", body: { name: "<script>x</script> Shop" } });
    const res = await p.api.request(`/support/${p.appId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('name="website"');
    expect(html).toContain(`action="/public/${p.appId}/messages"`);
    expect(html).not.toContain("<script>x</script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("stores a form-encoded message as a web conversation and thanks the customer", async () => {
    const res = await submit(
      { name: "Mia", email: "Mia@Example.com", subject: "Hello", message: "Do you ship to Madagascar?" },
      "form",
      "text/html",
    );
    expect(res.status).toBe(201);
    expect(await res.text()).toContain("Thank you");
    const list = await (await jsonCall(p, "/api/v1/conversations?channel=web")).json();
    expect(list.data).toHaveLength(1);
    const detail = await (await jsonCall(p, `/api/v1/conversations/${list.data[0].id}`)).json();
    expect(detail.contact).toMatchObject({ email: "mia@example.com", name: "Mia" });
    expect(detail.messages[0]).toMatchObject({ kind: "form", text: "Do you ship to Madagascar?" });
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    const res = await submit({ email: "bot@spam.test", message: "Buy now", website: "http://spam.test" });
    expect(res.status).toBe(201);
    const list = await (await jsonCall(p, "/api/v1/conversations?channel=web")).json();
    expect(list.data).toHaveLength(1);
    expect(p.runtime.counters.get("form_honeypot_total")).toBe(1);
  });

  it("names the invalid field", async () => {
    const res = await submit({ email: "not-an-email", message: "hi" });
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toContain("email");
    expect((await submit({ email: "a@b.co", message: "" })).status).toBe(400);
  });

  it("rate-limits per IP with Retry-After", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 10 && !limited; i++) {
      const res = await submit({ email: `c${i}@example.com`, message: `Question ${i}` });
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await (limited as Response).json()).code).toBe("rate_limited");
  });

  it("is 404 for an unknown app and when the form is switched off", async () => {
    expect((await p.api.request("/support/app_01JD3W2V8K1Q9X7F5G3H2J4K6M")).status).toBe(404);
    await jsonCall(p, `/api/v1/apps/${p.appId}/channels/web`, {
      method: "PUT",
      body: { settings: { enabled: false } },
    });
    expect((await p.api.request(`/support/${p.appId}`)).status).toBe(404);
  });
});
