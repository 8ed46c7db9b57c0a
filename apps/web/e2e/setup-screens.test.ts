import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "./browser.js";
import { type RunningServer, startProduct } from "./server.js";

const browserPath = chromiumPath();
const widgetBuild = resolve(import.meta.dirname, "../../../packages/widget/scripts/build.mjs");

if (browserPath.skipReason) console.warn(`[skip] setup screens end-to-end suite: ${browserPath.skipReason}`);

/**
 * The Widget and Front plugin screens in Chromium against the real server: an admin rotates each
 * secret (shown once), edits the widget's origins and plan tiers, opens the live preview where the
 * app's real launcher appears, and reads which member a Front teammate acts as.
 */
describe.skipIf(Boolean(browserPath.skipReason))("the Widget and Front plugin screens (real server, Chromium)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const email = `ida-${Date.now()}@example.com`;
  const call = <T>(path: string): Promise<T> =>
    page.evaluate(async (input) => (await fetch(input)).json(), path) as Promise<T>;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [widgetBuild, "--if-stale"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("building the widget failed");
    server = await startProduct();
    browser = await chromium.launch({ executablePath: browserPath.path, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: "en-US" });
    page.setDefaultTimeout(30_000);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("sets the widget up, rotates its secret once, previews it, and shows the Front plugin's mapping", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Ida Admin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByLabel("Organization name").fill("Ida Shop");
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.getByRole("heading", { name: "Get started" }).waitFor();
    const app = await page.evaluate(async () => {
      const res = await fetch("/api/v1/apps", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Shop" }),
      });
      return (await res.json()) as { id: string; slug: string };
    });

    // The app was made behind the dashboard's back: load the screen afresh, from the menu.
    await page.reload();
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Widget" }).click();
    await page.getByRole("heading", { name: "Chat widget" }).waitFor();
    await page.getByText("Off: rotate its secret to turn it on.").waitFor();
    expect(await page.getByRole("textbox", { name: "Embed snippet" }).inputValue()).toContain(`data-app="${app.id}"`);
    await page.getByRole("button", { name: "Rotate the widget secret" }).click();
    const secret = await page.getByRole("textbox", { name: "New widget secret" }).inputValue();
    expect(secret).toMatch(/^wsk_/);
    await page.getByText("On: the widget answers").waitFor();

    const form = page.getByRole("form", { name: "Widget setup" });
    await form.getByLabel("Allowed origins").fill("https://shop.example\n");
    await form.getByRole("button", { name: "Add a plan" }).click();
    await form.getByLabel("Plan", { exact: true }).fill("pro");
    await form.getByRole("combobox", { name: /^Tier/ }).selectOption("one_click");
    await form.getByLabel("Other plans and anonymous visitors").selectOption("suggest");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    const config = await call<Record<string, unknown>>(`/api/v1/apps/${app.id}/widget`);
    expect(config).toMatchObject({
      allowedOrigins: ["https://shop.example"],
      plans: { pro: "one_click" },
      defaultTier: "suggest",
    });
    expect(JSON.stringify(config)).not.toContain(secret);

    // The preview runs on the dashboard's origin, which the admin allows first.
    await page.getByRole("button", { name: `Allow ${server.url}` }).click();
    await page.getByRole("link", { name: "Open the live preview" }).click();
    await page.getByRole("heading", { name: "Widget preview of Shop" }).waitFor();
    await page.locator("support-chat button.launch").waitFor();
    expect(await page.locator("support-chat button.launch").getAttribute("aria-label")).toBe("Chat with us");

    await nav.getByRole("link", { name: "Front plugin" }).click();
    await page.getByText("No secret yet").waitFor();
    await page.getByRole("button", { name: "Generate a new plugin secret" }).click();
    const url = new URL(await page.getByRole("textbox", { name: "Plugin URL to register in Front" }).inputValue());
    expect(url.searchParams.get("key")).toMatch(/^fps_/);
    expect(url.searchParams.get("key")).toBe(
      await page.getByRole("textbox", { name: "New plugin secret" }).inputValue(),
    );
    await page.getByText("A secret is set").waitFor();
    const row = page
      .getByRole("table", { name: "Front teammate → member" })
      .getByRole("row")
      .filter({ hasText: email });
    await row.getByText("owner", { exact: true }).waitFor();
    // Shown once: after a reload only the URL without its secret remains.
    await page.reload();
    await page.getByText("A secret is set").waitFor();
    expect(await page.getByRole("textbox", { name: "Plugin URL to register in Front" }).count()).toBe(0);
    expect(await page.getByRole("textbox", { name: "Plugin URL (without its secret)" }).inputValue()).not.toContain(
      "key=",
    );
  }, 300_000);
});
