import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/*
 * Issue 14 (low): a `javascript:` attachment URL was stored and shown to approvers as a link.
 * Ingest keeps only http(s) links; the attachment itself (name, type) is kept.
 */
describe("attachment links at ingest", () => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await openTestProduct({});
  });
  afterAll(async () => p.runtime.database.close());

  it("stores http(s) attachment links and drops javascript:, data: and file: ones", async () => {
    const attachments = [
      { name: "invoice.pdf", url: "https://cdn.shop.test/invoice.pdf" },
      { name: "click me", url: "javascript:alert(document.cookie)" },
      { name: "inline", url: "data:text/html,<script>alert(1)</script>" },
      { name: "local", url: "file:///etc/passwd" },
      { name: "shouting", url: " JavaScript:alert(1)" },
    ];
    const raw = JSON.stringify({
      type: "message.received",
      id: "evt-attachments",
      customer: { email: "ada@example.com" },
      message: { text: "See the attached files.", attachments },
    });
    const inbound = await p.api.request(`/webhooks/generic/${p.appId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
      body: raw,
    });
    expect(inbound.status).toBe(200);
    const list = await (await jsonCall(p, "/api/v1/conversations")).json();
    const detail = await (await jsonCall(p, `/api/v1/conversations/${list.data[0].id}`)).json();
    const stored = detail.messages[0].attachments as { name: string; url?: string; urlRefused?: boolean }[];
    expect(stored.map((a) => a.name)).toEqual(attachments.map((a) => a.name));
    expect(stored[0]).toMatchObject({ url: "https://cdn.shop.test/invoice.pdf" });
    for (const refused of stored.slice(1)) {
      expect(refused.url, refused.name).toBeUndefined();
      expect(refused.urlRefused).toBe(true);
    }
    expect(JSON.stringify(detail)).not.toMatch(/javascript:|data:text|file:\/\//i);
  });
});
