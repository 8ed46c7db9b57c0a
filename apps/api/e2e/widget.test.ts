import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { addTextSource, OPERATOR, processSource } from "@support/core";
import { eventually } from "@support/product/testing";
import { signWidgetIdentity } from "@support/sdk";
import pino from "pino";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../../web/e2e/browser.js";
import { createApi } from "../src/app.js";
import { jsonCall, openTestProduct, type TestProduct } from "../test/harness.js";

/**
 * The widget in Chromium, end to end: a host page on one origin embeds `widget.js` from the API
 * on another, and a visitor gets a suggestion, writes, receives the reply a teammate approved
 * through the dashboard's API live, and keeps receiving after the stream was cut. A forged
 * identity and a page on an origin the app did not allow get nothing.
 */
const browserPath = chromiumPath();
if (browserPath.skipReason) console.warn(`[skip] widget e2e: ${browserPath.skipReason}`);

const widgetDist = resolve(import.meta.dirname, "../../../packages/widget/dist");
const helpArticle = {
  title: "Resetting your password",
  body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password. We email you a reset link that works for one hour.\n",
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.skipIf(Boolean(browserPath.skipReason))("chat widget in Chromium", () => {
  let p: TestProduct;
  let api: ReturnType<typeof serve>;
  let apiUrl: string;
  let host: Server;
  let hostUrl: string;
  let other: Server;
  let otherUrl: string;
  let secret: string;
  let browser: Browser;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [resolve(widgetDist, "../scripts/build.mjs"), "--if-stale"], {
      stdio: "inherit",
    });
    if (built.status !== 0) throw new Error("building the widget failed");
    p = await openTestProduct({}, "Widget", { pipeline: true });
    const operator = p.runtime.contextFor(p.orgId, OPERATOR);
    await processSource(operator, (await addTextSource(operator, { app: p.appId, ...helpArticle })).id);
    const app = createApi(p.runtime, pino({ level: "silent" }), { widgetDist });
    api = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => api.once("listening", r));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    // The host page: the product's, which signs the identity on its server.
    const page = (identity: string) =>
      `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1>` +
      `<script src="${apiUrl}/widget.js" data-app="${p.appId}" data-identity="${identity}" data-locale="en" async></script></body></html>`;
    const handler = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
      const url = new URL(req.url ?? "/", "http://host");
      const exp = Math.floor(Date.now() / 1000) + 3600;
      const identity =
        url.searchParams.get("as") === "forged"
          ? signWidgetIdentity({ userId: "u_victim", email: "victim@example.com", exp }, "guessed-secret")
          : signWidgetIdentity({ userId: "u_ada", email: "ada@example.com", plan: "pro", exp }, secret);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(page(identity));
    };
    host = createServer(handler);
    hostUrl = await listen(host);
    other = createServer(handler);
    otherUrl = await listen(other);
    secret = (await (await jsonCall(p, `/api/v1/apps/${p.appId}/widget/secret/rotate`, { method: "POST" })).json())
      .secret;
    await jsonCall(p, `/api/v1/apps/${p.appId}/widget`, {
      method: "PATCH",
      body: { allowedOrigins: [hostUrl], plans: { pro: "one_click" }, responseTime: "an hour" },
    });
    browser = await chromium.launch({ executablePath: browserPath.path, args: ["--no-sandbox"] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    host?.close();
    other?.close();
    api?.close();
    await p?.runtime.stop();
    await p?.runtime.database.close();
  });

  const open = async (page: Page, url: string) => {
    await page.goto(url);
    await page.locator("support-chat button.launch").click();
  };

  it("suggests, sends, shows the approved reply live, and resumes after the stream is cut", async () => {
    const page = await browser.newPage();
    await open(page, hostUrl);
    const box = page.getByLabel("Your message");
    await box.fill("How do I reset my password? I forgot it.");
    await expect.poll(() => page.getByText("Resetting your password").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await box.press("Enter");
    await page.locator(".msg.visitor").waitFor({ timeout: 15_000 });

    const draft = await eventually(
      async () => (await (await jsonCall(p, "/api/v1/drafts?status=pending_approval")).json()).data[0],
      (d) => Boolean(d),
      "a pending draft",
      30_000,
    );
    expect((await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: {} })).status).toBe(200);
    const reply = page.locator(".msg.ai");
    await reply.waitFor({ timeout: 30_000 });
    expect(await reply.textContent()).toContain("Written by our AI assistant");

    // Cut every connection: EventSource reconnects with Last-Event-ID and gets only what it missed.
    (api as Server).closeAllConnections();
    const person = await jsonCall(p, `/api/v1/conversations/${draft.conversationId}/replies`, {
      method: "POST",
      body: { text: "Did that work for you?", idempotencyKey: "e2e-follow-up" },
    });
    expect(person.status).toBe(201);
    await page.getByText("Did that work for you?").waitFor({ timeout: 30_000 });
    expect(await page.locator(".msg.ai").count()).toBe(1);
    expect(await page.locator(".msg.person").count()).toBe(1);
    await page.close();
  }, 120_000);

  it("refuses a forged identity", async () => {
    const page = await browser.newPage();
    const refused = page.waitForResponse((r) => r.url().endsWith("/session"));
    await open(page, `${hostUrl}/?as=forged`);
    expect((await refused).status()).toBe(401);
    await page.getByRole("alert").waitFor({ timeout: 15_000 });
    expect(await page.locator(".msg").count()).toBe(0);
    await page.close();
  }, 60_000);

  it("gives a page on another origin nothing", async () => {
    const page = await browser.newPage();
    await open(page, otherUrl);
    await page.getByRole("alert").waitFor({ timeout: 15_000 });
    const direct = await page.evaluate(
      (url) =>
        fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).then(
          (r) => `status ${r.status}`,
          () => "blocked",
        ),
      `${apiUrl}/widget/v1/${p.appId}/session`,
    );
    expect(direct).toBe("blocked");
    await page.close();
  }, 60_000);
});
