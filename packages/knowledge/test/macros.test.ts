import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchFrontTemplates, fetchZendeskMacros } from "../src/index.js";

let server: Server;
let base: string;
const seen: { path: string; auth: string | undefined }[] = [];

function route(req: IncomingMessage) {
  const path = req.url ?? "";
  if (path === "/api/v2/macros/active.json")
    return {
      macros: [
        {
          title: "Refund granted",
          actions: [{ field: "comment_value_html", value: "<p>Your refund is <strong>on its way</strong>.</p>" }],
        },
        { title: "Set priority", actions: [{ field: "priority", value: "high" }] },
      ],
      next_page: `${base}/api/v2/macros/active.json?page=2`,
    };
  if (path === "/api/v2/macros/active.json?page=2")
    return {
      macros: [
        {
          title: "Shipping delay",
          actions: [{ field: "comment_value", value: ["channel:all", "Parcels are late this week."] }],
        },
      ],
      next_page: "https://evil.example/steal",
    };
  if (path === "/message_templates")
    return {
      _results: [{ name: "Welcome", body: "<h2>Hello!</h2><ul><li>Step one</li></ul>" }],
      _pagination: { next: `${base}/message_templates?page_token=2` },
    };
  if (path === "/message_templates?page_token=2")
    return { _results: [{ name: "Empty", body: "" }], _pagination: { next: null } };
  return undefined;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", auth: req.headers.authorization });
    const body = route(req);
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("canned responses imported from vendor APIs", () => {
  it("reads Zendesk macros across pages with token auth, skips field-only macros and foreign next links", async () => {
    const macros = await fetchZendeskMacros({ baseUrl: base, email: "ops@acme.test", apiToken: "zd-token" });
    expect(macros).toEqual([
      { title: "Refund granted", body: "Your refund is **on its way**." },
      { title: "Shipping delay", body: "Parcels are late this week." },
    ]);
    const auth = seen.find((s) => s.path.startsWith("/api/v2"))?.auth ?? "";
    expect(Buffer.from(auth.replace("Basic ", ""), "base64").toString()).toBe("ops@acme.test/token:zd-token");
  });

  it("reads Front message templates as Markdown", async () => {
    const templates = await fetchFrontTemplates({ baseUrl: base, token: "front-token" });
    expect(templates).toHaveLength(1);
    expect(templates[0]?.title).toBe("Welcome");
    expect(templates[0]?.body).toMatch(/## Hello!\s+-\s+Step one/);
    expect(seen.find((s) => s.path === "/message_templates")?.auth).toBe("Bearer front-token");
  });

  it("reports an API error with the host and status", async () => {
    await expect(fetchFrontTemplates({ baseUrl: `${base}/nope`, token: "t" })).rejects.toThrow(/HTTP 404/);
  });
});
