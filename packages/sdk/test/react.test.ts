import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `<SupportChat>` in Chromium: a React page renders it, the platform's real loader (built from
 * packages/widget) arrives once, the launcher appears in the element's Shadow DOM in the page's
 * language, and a new identity mounts a new element. Debian's Chromium only, never a download.
 */
const browserPath = process.env.E2E_BROWSER ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
if (!browserPath) console.warn("[skip] SupportChat in Chromium: no Chromium at /usr/bin/chromium");

const widget = resolve(import.meta.dirname, "../../widget");
const PAGE = `
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { SupportChat } from "./src/react.ts";
const root = createRoot(document.getElementById("root"));
const show = (identity) =>
  root.render(createElement(SupportChat, { app: "app_react", api: location.origin + "/", identity, locale: "fr" }));
show("first.identity");
window.switchUser = () => show("second.identity");
`;

describe.skipIf(!browserPath)("SupportChat (React) in Chromium", () => {
  let server: Server;
  let url: string;
  let browser: Browser;
  const served: string[] = [];

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [join(widget, "scripts/build.mjs"), "--if-stale"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("building the widget failed");
    const bundle = await build({
      stdin: { contents: PAGE, resolveDir: resolve(import.meta.dirname, ".."), loader: "js" },
      bundle: true,
      write: false,
      format: "esm",
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "warning",
    });
    const page = bundle.outputFiles[0]?.text ?? "";
    server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://host").pathname;
      served.push(path);
      if (path === "/page.js") {
        res.writeHead(200, { "content-type": "text/javascript" });
        res.end(page);
      } else if (path === "/widget.js" || path.startsWith("/widget/")) {
        res.writeHead(200, { "content-type": "text/javascript" });
        res.end(readFileSync(join(widget, "dist", path)));
      } else {
        res.writeHead(200, { "content-type": "text/html" });
        res.end(
          '<!doctype html><html><body><div id="root"></div><script type="module" src="/page.js"></script></body></html>',
        );
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox"] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("mounts the widget with the signed identity, loads widget.js once, and remounts for a new user", async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const launcher = page.locator("support-chat button.launch");
    await launcher.waitFor({ timeout: 60_000 });
    expect(await launcher.getAttribute("aria-label")).toBe("Discuter avec nous");
    const element = page.locator("support-chat");
    expect(await element.getAttribute("app")).toBe("app_react");
    expect(await element.getAttribute("api")).toBe(url.replace(/\/$/, ""));
    expect(await element.getAttribute("identity")).toBe("first.identity");

    await page.evaluate(() => (window as unknown as { switchUser(): void }).switchUser());
    await expect.poll(() => element.getAttribute("identity"), { timeout: 30_000 }).toBe("second.identity");
    await page.locator("support-chat button.launch").waitFor({ timeout: 30_000 });
    expect(await page.locator("support-chat").count()).toBe(1);
    expect(await page.locator("script[data-support-widget]").count()).toBe(1);
    expect(served.filter((p) => p === "/widget.js")).toHaveLength(1);
    await page.close();
  }, 120_000);
});
