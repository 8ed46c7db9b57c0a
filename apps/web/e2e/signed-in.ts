import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { chromiumPath } from "./browser.js";
import { type RunningServer, startProduct } from "./server.js";

/**
 * The dashboard suites' shared fixture: the real product, Chromium in English, and the steps
 * every screen group starts from (an owner signed up with an organization, an app with Zendesk
 * connected). The setup suite runs those steps as its tests, with screenshots; the others take
 * them as their starting point.
 */
export const browserPath = chromiumPath();
export const artifacts = resolve(import.meta.dirname, "../test-artifacts");
export const ZENDESK_SECRET = "zendesk-e2e-secret";

export interface Dashboard {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** A full-page screenshot in apps/web/test-artifacts/<name>.png. */
  shot(name: string): Promise<unknown>;
  /** Follows a link of the main navigation. */
  nav(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openDashboard(): Promise<Dashboard> {
  mkdirSync(artifacts, { recursive: true });
  const server = await startProduct();
  const browser = await chromium.launch({ executablePath: browserPath.path, args: ["--no-sandbox"] });
  // English whatever the machine's language: french.test.ts walks the same pages in French.
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: "en-US" });
  // Generous: the machine runs several suites' servers and browsers at once.
  page.setDefaultTimeout(30_000);
  return {
    server,
    browser,
    page,
    shot: (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true }),
    nav: (name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click(),
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** Signs up Ada, signs in, creates "Ada Corp" and lands on "Get started" as its owner. */
export async function signUpOwner(d: Dashboard, shots = false): Promise<void> {
  const { page } = d;
  await page.goto(d.server.url);
  // The first page may wait on a busy server (several suites start at once): longer than other steps.
  await page.getByRole("button", { name: "Create an account" }).click({ timeout: 90_000 });
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(`ada-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("correct horse battery");
  if (shots) await d.shot("01-sign-up");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByLabel("Organization name").fill("Ada Corp");
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.getByRole("heading", { name: "Get started" }).waitFor();
  await expect(page.getByRole("link", { name: "Create an app" }).count()).resolves.toBe(1);
  await page.getByText(/· owner$/).waitFor();
  if (shots) await d.shot("02-empty-queue");
}

/** Creates "Acme Shop", acknowledges its signing secret, connects Zendesk; answers the Zendesk webhook URL. */
export async function createAppWithZendesk(d: Dashboard, shots = false): Promise<string> {
  const { page } = d;
  await d.nav("Apps & channels");
  await page.getByLabel("App name").fill("Acme Shop");
  await page.getByRole("button", { name: "Create app" }).click();
  // The new app's webhook signing secret is shown this once, until the person says it is copied.
  const created = page.getByRole("status").filter({ hasText: "Acme Shop is created" });
  const secret = created.getByRole("textbox", { name: "Webhook signing secret of Acme Shop" });
  await expect(secret.inputValue()).resolves.toMatch(/^whsec_/);
  await created.getByRole("button", { name: "I have copied it" }).click();
  await created.waitFor({ state: "detached" });
  const zendesk = page.getByRole("region", { name: /Zendesk/ });
  await zendesk.getByLabel(/webhookSecret/).fill(ZENDESK_SECRET);
  await zendesk.getByRole("button", { name: "Save Zendesk" }).click();
  await zendesk.getByText("Saved.").waitFor();
  await zendesk.getByText("active").waitFor();
  await expect(zendesk.getByLabel(/webhookSecret/).inputValue()).resolves.toBe("");
  const webhookUrl = await zendesk.getByRole("textbox", { name: "Zendesk webhook URL" }).inputValue();
  expect(webhookUrl).toMatch(/\/webhooks\/zendesk\/app_/);
  if (shots) await d.shot("03-apps-channels");
  return webhookUrl;
}

/** A dashboard already signed in as an owner, with an app whose Zendesk channel is connected. */
export async function openSignedInDashboard(): Promise<Dashboard & { webhookUrl: string }> {
  const d = await openDashboard();
  await signUpOwner(d);
  return { ...d, webhookUrl: await createAppWithZendesk(d) };
}

/** The same for a generic webhook: the Zendesk URL with the channel swapped. */
export const genericUrlOf = (webhookUrl: string) => webhookUrl.replace("/webhooks/zendesk/", "/webhooks/generic/");
