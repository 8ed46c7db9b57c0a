import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { signWidgetIdentity } from "@support/sdk";
import pino from "pino";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../../web/e2e/browser.js";
import { createApi } from "../src/app.js";
import { jsonCall, openTestProduct, type TestProduct } from "../test/harness.js";

/**
 * The widget's attachments and typing state in Chromium: a visitor attaches an image (preview,
 * then sent with their message, which the team downloads), a program renamed `.png` is refused
 * with the message in the visitor's language, and a teammate typing in the dashboard's composer
 * shows "a person is typing" in the widget.
 */
const browserPath = chromiumPath();
if (browserPath.skipReason) console.warn(`[skip] widget attachments e2e: ${browserPath.skipReason}`);

const widgetDist = resolve(import.meta.dirname, "../../../packages/widget/dist");
/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const PROGRAM = Buffer.from("MZ\x90\x00\x03 not an image at all");

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.skipIf(Boolean(browserPath.skipReason))("widget attachments and typing in Chromium", () => {
  let p: TestProduct;
  let api: ReturnType<typeof serve>;
  let host: Server;
  let hostUrl: string;
  let secret: string;
  let browser: Browser;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [resolve(widgetDist, "../scripts/build.mjs"), "--if-stale"], {
      stdio: "inherit",
    });
    if (built.status !== 0) throw new Error("building the widget failed");
    p = await openTestProduct({}, "Widget files");
    const app = createApi(p.runtime, pino({ level: "silent" }), { widgetDist });
    api = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => api.once("listening", r));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    host = createServer((_req, res) => {
      const exp = Math.floor(Date.now() / 1000) + 3600;
      const identity = signWidgetIdentity({ userId: "u_grace", email: "grace@example.com", exp }, secret);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html lang="fr"><head><title>Boutique</title></head><body><h1>Boutique</h1>` +
          `<script src="${apiUrl}/widget.js" data-app="${p.appId}" data-identity="${identity}" data-locale="fr" async></script></body></html>`,
      );
    });
    hostUrl = await listen(host);
    secret = (await (await jsonCall(p, `/api/v1/apps/${p.appId}/widget/secret/rotate`, { method: "POST" })).json())
      .secret;
    await jsonCall(p, `/api/v1/apps/${p.appId}/widget`, { method: "PATCH", body: { allowedOrigins: [hostUrl] } });
    browser = await chromium.launch({ executablePath: browserPath.path, args: ["--no-sandbox"] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    host?.close();
    api?.close();
    await p?.runtime.stop();
    await p?.runtime.database.close();
  });

  it("previews and sends an image, refuses a renamed program, and shows a person typing", async () => {
    const page = await browser.newPage();
    await page.goto(hostUrl);
    await page.locator("support-chat button.launch").click();
    const picker = page.locator("support-chat input[type=file]");
    await page.getByRole("button", { name: "Joindre une image ou un PDF" }).waitFor({ timeout: 30_000 });

    await picker.setInputFiles({ name: "virus.png", mimeType: "image/png", buffer: PROGRAM });
    await page
      .getByRole("alert")
      .filter({ hasText: "Seules les images (PNG, JPEG, GIF, WebP) et les PDF peuvent être envoyés." })
      .waitFor({ timeout: 30_000 });

    await picker.setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
    await page.locator('.pending li[data-file="photo.png"] img').waitFor({ timeout: 30_000 });
    await page.getByLabel("Votre message").fill("Voici la photo du colis abîmé.");
    await page.getByRole("button", { name: "Envoyer" }).click();
    await page.locator('.msg.visitor li[data-file="photo.png"]').waitFor({ timeout: 30_000 });
    expect(await page.locator(".pending li").count()).toBe(0);

    // The team sees the file on the conversation and downloads exactly what was sent.
    const list = await (await jsonCall(p, `/api/v1/conversations?app=${p.appId}&channel=widget`)).json();
    const conversation = await (await jsonCall(p, `/api/v1/conversations/${list.data[0].id}`)).json();
    const [attachment] = conversation.messages[0].attachments;
    expect(attachment).toMatchObject({ name: "photo.png", contentType: "image/png" });
    const download = await jsonCall(p, `/api/v1/conversations/${conversation.id}/files/${attachment.fileId}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);

    // What the dashboard's composer sends while a teammate types.
    const typing = setInterval(() => {
      void jsonCall(p, `/api/v1/conversations/${conversation.id}/typing`, { method: "POST" });
    }, 1000);
    try {
      await page.getByText("Une personne est en train d'écrire…").waitFor({ timeout: 30_000 });
    } finally {
      clearInterval(typing);
    }
    await page.close();
  }, 120_000);
});
