import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogues } from "../src/i18n/messages/index.js";
import { chromiumPath } from "./browser.js";
import { type RunningServer, startProduct } from "./server.js";

const browserPath = chromiumPath();
const artifacts = resolve(import.meta.dirname, "../test-artifacts");

/**
 * The English UI's words that must not show in French: each English message's literal text
 * (arguments taken out), at least 5 characters, and not also part of some French message
 * ("Conversation", "Slack", "active" are French too).
 */
function englishPhrases(): string[] {
  const french = Object.values(catalogues.fr).join("\n");
  const phrases = new Set<string>();
  for (const message of Object.values(catalogues.en)) {
    for (const element of parse(message)) {
      if (element.type !== TYPE.literal) continue;
      for (const piece of element.value.split(/[:;()·←→✓✗]|\. /)) {
        const phrase = piece.trim().replace(/[.,!?…]+$/, "");
        if (phrase.length >= 5 && /\p{L}/u.test(phrase) && !french.includes(phrase)) phrases.add(phrase);
      }
    }
  }
  return [...phrases];
}

/**
 * What a French user reads or hears on the page: its visible text and the accessible names given
 * by attributes. Text marked lang="en" is the API's own (check details, error details): data.
 */
function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('[lang="en"], .draft-text, .text, code')) el.remove();
    const attributes = [...document.querySelectorAll("[aria-label], [placeholder], [title]")].flatMap((el) =>
      ["aria-label", "placeholder", "title"].map((name) => el.getAttribute(name) ?? ""),
    );
    document.body.append(copy);
    copy.style.position = "absolute";
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, line by line, is what a person reads
    const text = copy.innerText;
    copy.remove();
    return `${text}\n${attributes.join("\n")}`;
  });
}

/** What the test itself typed or the platform's sample message says: data, not the UI. */
const DATA = ["Test Customer", "test.customer@example.com", "Ada Lovelace", "Boutique Ada", "Ada SARL"];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

if (browserPath.skipReason) console.warn(`[skip] French end-to-end suite: ${browserPath.skipReason}`);

describe.skipIf(Boolean(browserPath.skipReason))("dashboard in French (real server, Chromium fr-FR)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const phrases = englishPhrases();
  const nav = (name: string) =>
    page.getByRole("navigation", { name: "Principale" }).getByRole("link", { name, exact: true }).click();

  /** Screenshots the page and fails on any English phrase of the catalogue in it. */
  const check = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, `fr-${name}.png`), fullPage: true });
    const words = DATA.reduce((text, data) => text.replaceAll(data, ""), await pageWords(page));
    const english = phrases.filter((p) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(p)}($|[^\\p{L}])`, "u").test(words));
    expect(english, `English on the ${name} page`).toEqual([]);
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startProduct();
    browser = await chromium.launch({ executablePath: browserPath.path, args: ["--no-sandbox"] });
    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1366, height: 800 } });
    page = await context.newPage();
    // Full-page screenshots of the chart pages take over 15 s on a loaded 2-core machine.
    page.setDefaultTimeout(30_000);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lists enough English phrases to catch an untranslated screen", () => {
    expect(phrases).toContain("Review queue");
    expect(phrases).toContain("Approve");
    expect(phrases.length).toBeGreaterThan(300);
  });

  it("signs up and creates an organization in French, from the browser's language", async () => {
    await page.goto(server.url);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("fr");
    await page.getByRole("heading", { name: "Connexion à Support" }).waitFor();
    await check("01-connexion");
    await page.getByRole("button", { name: "Créer un compte" }).click();
    await page.getByLabel("Nom").fill("Ada Lovelace");
    await page.getByLabel("E-mail").fill(`ada-fr-${Date.now()}@example.com`);
    await page.getByLabel("Mot de passe").fill("correct horse battery");
    await page.getByRole("button", { name: "S’inscrire" }).click();
    await page.getByRole("heading", { name: "Créer une organisation" }).waitFor();
    await check("02-organisation");
    await page.getByLabel("Nom de l’organisation").fill("Ada SARL");
    await page.getByRole("button", { name: "Créer l’organisation" }).click();
    await page.getByRole("heading", { name: "Pour commencer" }).waitFor();
    await check("03-file-vide");
  }, 60_000);

  it("creates an app and gets a draft from a test message", async () => {
    await nav("Applications et canaux");
    await page.getByLabel("Nom de l’application").fill("Boutique Ada");
    await page.getByRole("button", { name: "Créer l’application" }).click();
    await page.getByRole("heading", { name: "Canaux de Boutique Ada" }).waitFor();
    const form = page.getByRole("region", { name: /Formulaire de contact/ });
    await form.getByRole("button", { name: "Envoyer un message de test" }).click();
    await form.getByRole("status").filter({ hasText: "Message de test" }).waitFor();
    await page.getByRole("heading", { name: "Boutique Ada est créée" }).waitFor();
    await check("04-applications");
  }, 60_000);

  it("walks the main pages without an English word of the UI", async () => {
    await nav("File de validation");
    const row = page.locator("table.queue tbody tr").first();
    await row.waitFor();
    await check("05-file-de-validation");
    await row.getByRole("link").click();
    await page.getByRole("heading", { name: "Décision de confiance" }).waitFor();
    await check("06-brouillon");
    for (const [name, heading, file] of [
      ["Connaissances", "Connaissances", "07-connaissances"],
      ["Autonomie", "Autonomie", "08-autonomie"],
      ["Statistiques", "Statistiques", "09-statistiques"],
      ["Boîte d’envoi de test", "Boîte d’envoi de test", "10-boite-d-envoi"],
      ["Slack", "Slack", "11-slack"],
      ["Journal d’audit", "Journal d’audit", "12-journal-d-audit"],
      ["Clés d’API", "Clés d’API", "13-cles-d-api"],
      ["Abonnement", "Offre et facturation", "14-abonnement"],
      ["Réglages", "Réglages de l’application", "14b-reglages"],
      ["Membres", "Membres", "15-membres"],
    ] as const) {
      await nav(name);
      await page.getByRole("heading", { name: heading, exact: true, level: 1 }).waitFor();
      await check(file);
    }
    // Twelve pages, each rendered and checked: slow CI machines need more than the default.
  }, 180_000);

  it("switches to English from the top bar and remembers it", async () => {
    await page.getByLabel("Langue").selectOption("en");
    await page.getByRole("heading", { name: "Members", exact: true }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await page.reload();
    await page.getByRole("heading", { name: "Members", exact: true }).waitFor();
    await page.getByLabel("Language").selectOption("fr");
    await page.getByRole("heading", { name: "Membres", exact: true }).waitFor();
  }, 60_000);
});
