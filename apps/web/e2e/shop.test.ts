import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "./browser.js";
import { type RunningServer, startProduct } from "./server.js";
import { postWhatsApp } from "./whatsapp.js";

const browserPath = chromiumPath();
const artifacts = resolve(import.meta.dirname, "../test-artifacts");
const APP_SECRET = "meta-secret-shop";

const GOOD_CSV = "sku,title,price,stock\nHUI-5,Huile végétale 5 L,42500,12\nSUC-1,Sucre blanc 1 kg,4800,100\n";
const BAD_CSV = "sku,title,price,stock\nHUI-5,Huile végétale 5 L,quarante,12\n";

if (browserPath.skipReason) console.warn(`[skip] shop end-to-end suite: ${browserPath.skipReason}`);

/**
 * A shop owner in Madagascar walks the shop's pages in French: the catalogue (a product by hand,
 * an import previewed then applied, search, withdrawal), the shop settings, the leads board fed by
 * a WhatsApp customer, and the quotes (a held one sent, one made by hand, PDFs).
 */
describe.skipIf(Boolean(browserPath.skipReason))("the shop's dashboard in French (real server, Chromium)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let appId = "";
  const nav = (name: string) =>
    page.getByRole("navigation", { name: "Principale" }).getByRole("link", { name, exact: true }).click();
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `shop-${name}.png`), fullPage: true });
  /** The signed-in session's API: set-up no screen of this suite is for. */
  const call = <T>(path: string, method = "GET", body?: unknown): Promise<T> =>
    page.evaluate(
      async (input) => {
        const res = await fetch(input.path, {
          method: input.method,
          headers: input.method === "GET" ? {} : { "content-type": "application/json" },
          body: input.method === "GET" ? undefined : JSON.stringify(input.body ?? {}),
        });
        return res.json();
      },
      { path, method, body },
    ) as Promise<T>;
  const upload = (name: string, text: string) =>
    page
      .getByLabel("Fichier catalogue", { exact: true })
      .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startProduct();
    browser = await chromium.launch({ executablePath: browserPath.path, args: ["--no-sandbox"] });
    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs up, creates an organization and a shop with a WhatsApp number", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "Créer un compte" }).click();
    await page.getByLabel("Nom").fill("Hery Rabe");
    await page.getByLabel("E-mail").fill(`hery-${Date.now()}@example.com`);
    await page.getByLabel("Mot de passe").fill("correct horse battery");
    await page.getByRole("button", { name: "S’inscrire" }).click();
    await page.getByLabel("Nom de l’organisation").fill("Epicerie Rabe SARL");
    await page.getByRole("button", { name: "Créer l’organisation" }).click();
    await page.getByRole("heading", { name: "Pour commencer" }).waitFor();
    const app = await call<{ id: string }>("/api/v1/apps", "POST", {
      name: "Epicerie Rabe",
      settings: { debounceSeconds: 0 },
    });
    appId = app.id;
    // No access token: WhatsApp replies and documents land in the sandbox outbox.
    await call(`/api/v1/apps/${appId}/channels/whatsapp`, "PUT", {
      settings: { phoneNumberId: "106540352242922" },
      secrets: { appSecret: APP_SECRET, verifyToken: "v" },
    });
    // The app was made behind the dashboard's back: load it again to list it.
    await page.reload();
    await page.getByRole("navigation", { name: "Principale" }).waitFor();
  }, 120_000);

  it("builds the catalogue: a product by hand, an import previewed then applied, search, withdrawal", async () => {
    await nav("Catalogue");
    await page.getByRole("heading", { name: "Catalogue", level: 1 }).waitFor();
    await page.getByText("Aucun produit pour l’instant").waitFor();
    await page.getByRole("button", { name: "Ajouter un produit" }).click();
    const form = page.getByRole("form", { name: "Nouveau produit" });
    await form.getByLabel("Référence (SKU)").fill("RIZ-MAK-25");
    await form.getByLabel("Nom du produit").fill("Riz makalioka 25 kg");
    await form.getByLabel("Nom en malgache").fill("Vary makalioka 25 kg");
    await form.getByLabel("Prix").fill("95 000");
    await form.getByLabel("Stock").fill("40");
    await form.getByRole("button", { name: "Créer le produit" }).click();
    const table = page.getByRole("table", { name: "Produits" });
    await table.getByRole("row").filter({ hasText: "RIZ-MAK-25" }).getByText("95 000 Ar").waitFor();

    await upload("faux.csv", BAD_CSV);
    await page.getByRole("button", { name: "Prévisualiser l’import" }).click();
    await page.getByText(/1 lignes refusées/).waitFor();
    await page.getByRole("table", { name: "Rapport par ligne" }).getByText("refusé").waitFor();
    expect(await page.getByRole("button", { name: "Appliquer l’import" }).isDisabled()).toBe(true);
    await shot("01-apercu-refuse");

    await upload("produits.csv", GOOD_CSV);
    await page.getByRole("button", { name: "Prévisualiser l’import" }).click();
    await page.getByText(/Aperçu\s:\s2 à créer/).waitFor();
    // A preview writes nothing.
    expect((await call<{ data: unknown[] }>(`/api/v1/apps/${appId}/products`)).data).toHaveLength(1);
    await page.getByRole("button", { name: "Appliquer l’import" }).click();
    await page.getByText(/Importé\s:\s2 créés/).waitFor();
    await table.getByRole("row").filter({ hasText: "SUC-1" }).waitFor();

    await page.getByLabel("Chercher un produit").fill("menaka huile 5L");
    await table.getByRole("row").filter({ hasText: "HUI-5" }).waitFor();
    await expect.poll(() => table.getByRole("row").count()).toBe(2);
    await page.getByLabel("Chercher un produit").fill("");
    await page.getByRole("button", { name: "Retirer SUC-1" }).click();
    await table.getByRole("row").filter({ hasText: "SUC-1" }).getByText("retiré").waitFor();
    await shot("02-catalogue");
  }, 180_000);

  it("sets the shop's terms: tax, validity, payment, approval threshold, owner notice", async () => {
    await nav("Boutique");
    const form = page.getByRole("form", { name: "Réglages de la boutique" });
    await form.getByLabel("Taux de TVA (%)").fill("vingt");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.getByText("Un pourcentage entre 0 et 100, comme 20.").waitFor();
    await form.getByLabel("Taux de TVA (%)").fill("20");
    await form.getByLabel("Validité des devis (jours)").fill("10");
    await form.getByLabel("Seuil de validation (MGA)").fill("100000");
    await form.getByRole("checkbox", { name: "MVola" }).check();
    await form.getByLabel("Coordonnées MVola").fill("034 00 000 00 (Rabe)");
    await form.getByLabel("Prévenir le gérant par").selectOption("email");
    await form.getByLabel("Adresse e-mail du gérant").fill("gerant@example.com");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.getByText("Enregistré.").waitFor();
    const saved = await call<Record<string, unknown>>(`/api/v1/apps/${appId}/shop`);
    expect(saved).toMatchObject({
      taxRateBp: 2000,
      quoteValidityDays: 10,
      approvalThresholdMinor: 100000,
      paymentInstructions: [{ method: "mvola", details: "034 00 000 00 (Rabe)" }],
      ownerNotification: { via: "email", address: "gerant@example.com" },
    });
    await shot("03-boutique");
  }, 120_000);

  it("follows a WhatsApp customer on the leads board: qualified, then moved by hand with an owner and notes", async () => {
    const webhook = `${server.url}/webhooks/whatsapp/${appId}`;
    const status = await postWhatsApp(webhook, APP_SECRET, {
      id: "wamid.SHOP1",
      from: "261341234567",
      name: "Rakoto",
      text: "Bonjour, je voudrais 3 sacs de riz makalioka 25 kg",
    });
    expect(status).toBe(200);
    await nav("Prospects");
    const qualified = page.getByRole("region", { name: "Qualifié" });
    const card = qualified.getByRole("listitem", { name: "Rakoto" });
    for (let i = 0; i < 60 && !(await card.isVisible()); i++) {
      await page.waitForTimeout(1000);
      await page.reload();
    }
    await card.waitFor();
    await card.getByText("Mettre à jour Rakoto").click();
    await card.getByLabel("Suivi par").fill("Hery");
    await card.getByLabel("Notes").fill("Livraison à Analakely");
    await card.getByLabel("Étape").selectOption("quoted");
    await card.getByRole("button", { name: "Enregistrer" }).click();
    const moved = page.getByRole("region", { name: "Devis envoyé" }).getByRole("listitem", { name: "Rakoto" });
    await moved.getByText("suivi par Hery").waitFor();
    await moved.locator("p.text").filter({ hasText: "Livraison à Analakely" }).waitFor();
    await page.getByLabel("Responsable").selectOption("Hery");
    await moved.waitFor();
    const csv = await page.getByRole("link", { name: "Exporter en CSV" }).getAttribute("href");
    const exported = await page.evaluate(async (href) => (await fetch(href as string)).text(), csv);
    expect(exported).toContain("Livraison à Analakely");
    await shot("04-prospects");
  }, 180_000);

  it("sends the quote held above the threshold, makes one by hand, and downloads a PDF", async () => {
    await nav("Devis");
    const table = page.getByRole("table", { name: "Devis" });
    const held = table.getByRole("row").filter({ hasText: "D-0001" });
    await held.getByText("à valider").waitFor();
    await held.getByRole("button", { name: "Envoyer D-0001" }).click();
    await held.getByText("envoyé").waitFor();
    const outbox = await call<{ data: { text: string }[] }>(`/api/v1/outbox?app=${appId}`);
    expect(outbox.data.some((m) => m.text.includes("D-0001"))).toBe(true);

    await page.getByRole("button", { name: "Nouveau devis" }).click();
    const form = page.getByRole("form", { name: "Nouveau devis" });
    await form.getByLabel("Client").fill("Rasoa");
    await form.getByLabel("Produit").selectOption("HUI-5");
    await form.getByLabel("Quantité").fill("2");
    await form.getByRole("button", { name: "Créer le devis" }).click();
    const made = table.getByRole("row").filter({ hasText: "D-0002" });
    await made.getByText("non envoyé").waitFor();
    await made.getByText("85 000 Ar").waitFor();
    const href = await made.getByRole("link", { name: "PDF D-0002" }).getAttribute("href");
    const pdf = await page.evaluate(async (url) => {
      const res = await fetch(url as string);
      return { type: res.headers.get("content-type"), head: (await res.text()).slice(0, 5) };
    }, href);
    expect(pdf).toEqual({ type: "application/pdf", head: "%PDF-" });
    await shot("05-devis");

    // The shop's card counts this month: one lead, one quote of it sent, no order yet.
    await nav("Boutique");
    const card = page.getByRole("region", { name: "30 derniers jours" });
    await card.getByText("Prospects ayant reçu un devis").waitFor();
    await card
      .getByText(/1\ssur\s1/)
      .first()
      .waitFor();
    await shot("06-indicateurs");
  }, 180_000);
});
