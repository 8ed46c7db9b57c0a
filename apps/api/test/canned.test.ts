import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonCall, openTestProduct, type TestProduct } from "./harness.js";

let p: TestProduct;
let vendor: Server;
let vendorUrl: string;
const calls: string[] = [];

beforeAll(async () => {
  p = await openTestProduct({}, "Acme", { pipeline: true });
  vendor = createServer((req, res) => {
    calls.push(`${req.url} ${req.headers.authorization}`);
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url?.startsWith("/api/v2/macros/active.json")) {
      res.end(
        JSON.stringify({
          macros: [
            {
              title: "How do I cancel my subscription?",
              active: true,
              actions: [
                { field: "comment_value", value: "You can cancel any time under Settings, Billing, Cancel plan." },
              ],
            },
            { title: "Close ticket", active: true, actions: [{ field: "status", value: "solved" }] },
          ],
          next_page: null,
        }),
      );
    } else if (req.url?.startsWith("/message_templates")) {
      res.end(
        JSON.stringify({
          _results: [{ name: "Opening hours", body: "<p>We answer Monday to Friday, 9:00 to 18:00.</p>" }],
          _pagination: { next: null },
        }),
      );
    } else res.end("{}");
  });
  await new Promise<void>((resolve) => vendor.listen(0, "127.0.0.1", resolve));
  vendorUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
});
afterAll(async () => {
  vendor.close();
  await p.runtime.stop();
  await p.runtime.database.close();
});

describe("canned responses", () => {
  it("needs a configured channel to import from", async () => {
    const res = await jsonCall(p, "/api/v1/knowledge/canned/import", { method: "POST", body: { app: p.appId } });
    expect(res.status).toBe(409);
  });

  it("imports Zendesk macros and Front templates with the stored credentials, then drafts with a matching macro verbatim", async () => {
    await jsonCall(p, `/api/v1/apps/${p.appId}/channels/zendesk`, {
      method: "PUT",
      body: {
        settings: { baseUrl: vendorUrl, agentEmail: "agent@acme.test" },
        secrets: { webhookSecret: "z", apiToken: "zd-token" },
      },
    });
    await jsonCall(p, `/api/v1/apps/${p.appId}/channels/front`, {
      method: "PUT",
      body: { settings: { baseUrl: vendorUrl }, secrets: { appSecret: "f", apiToken: "front-token" } },
    });
    const res = await jsonCall(p, "/api/v1/knowledge/canned/import", { method: "POST", body: { app: p.appId } });
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result.imported.map((i: { channel: string; responses: number }) => [i.channel, i.responses])).toEqual([
      ["zendesk", 1],
      ["front", 1],
    ]);
    expect(calls).toContain(
      `/api/v2/macros/active.json Basic ${Buffer.from("agent@acme.test/token:zd-token").toString("base64")}`,
    );
    expect(calls).toContain("/message_templates Bearer front-token");
    // The imported macros are processed by the knowledge workflow, like every source.
    for (let i = 0; i < 400; i++) {
      const sources = (await (await jsonCall(p, `/api/v1/knowledge/sources?app=${p.appId}`)).json()).data;
      if (sources.length === 2 && sources.every((s: { status: string }) => s.status === "ready")) break;
      await new Promise((r) => setTimeout(r, 25));
    }

    const raw = JSON.stringify({
      type: "message.received",
      id: "cancel-1",
      customer: { email: "kai@example.com" },
      message: { text: "How do I cancel my subscription?" },
    });
    await p.api.request(`/webhooks/generic/${p.appId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
      body: raw,
    });
    let draft: { text: string; citations: { title: string }[] } | undefined;
    for (let i = 0; i < 200 && !draft; i++) {
      const list = await (await jsonCall(p, "/api/v1/drafts")).json();
      draft = list.data[0];
      if (!draft) await new Promise((r) => setTimeout(r, 25));
    }
    expect(draft?.text).toBe("You can cancel any time under Settings, Billing, Cancel plan.");
    expect(draft?.citations[0]?.title).toBe("How do I cancel my subscription?");
  });
});
