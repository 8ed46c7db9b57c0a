import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { signPayload } from "@support/sdk/signing";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "./browser.js";
import { type RunningServer, startProduct } from "./server.js";

const browserPath = chromiumPath();
const artifacts = resolve(import.meta.dirname, "../test-artifacts");

if (browserPath.skipReason) console.warn(`[skip] procedures end-to-end suite: ${browserPath.skipReason}`);

/**
 * An operator installs the 3D-intake template from the Procedures page, sees a broken edit refused
 * on its line, tries the procedure in shadow mode, and follows a real run: the conversation's
 * procedure panel, the queue's procedure status, the Tasks page; then the same screens in French.
 */
describe.skipIf(Boolean(browserPath.skipReason))("procedures in the dashboard (real server, Chromium)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let app: { id: string; slug: string };
  let secret: string;
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `procedures-${name}.png`), fullPage: true });
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
  /** A signed generic-webhook message of the conversation `thread`, with attachment names. */
  const say = async (id: string, text: string, attachments: string[] = []) => {
    const body = JSON.stringify({
      type: "message.received",
      id,
      customer: { email: "ada@example.com", name: "Ada Lovelace" },
      conversation: { externalId: "chair", subject: "Modélisation d’une chaise" },
      message: { text, attachments: attachments.map((name) => ({ name, contentType: "image/jpeg" })) },
    });
    const res = await fetch(`${server.url}/webhooks/generic/${app.id}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-support-signature": signPayload(body, [secret]) },
      body,
    });
    expect(res.status).toBe(200);
  };
  /** Polls (the pipeline runs in the background, slowly on a loaded machine) until `probe` answers. */
  const until = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
    for (let i = 0; i < 600; i++) {
      const value = await probe();
      if (value !== undefined) return value;
      await page.waitForTimeout(200);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const nav = (name: string) =>
    page
      .getByRole("navigation", { name: /Main|Principale/ })
      .getByRole("link", { name, exact: true })
      .click();

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startProduct();
    browser = await chromium.launch({ executablePath: browserPath.path, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
    page.setDefaultTimeout(60_000);
    page.on("pageerror", (error) => console.error(`[page error] ${error.message}`));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("installs a template, refuses a broken edit on its line, saves a fixed one as version 2", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill(`studio-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByLabel("Organization name").fill("Studio");
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.getByRole("heading", { name: "Get started" }).waitFor();
    app = await call("/api/v1/apps", "POST", { name: "Studio 3D", settings: { debounceSeconds: 0 } });
    secret = (await call<{ secret: string }>(`/api/v1/apps/${app.id}/signing-keys/rotate`, "POST")).secret;

    // The app was made through the API: a fresh load shows it (the dashboard's own form refreshes the list).
    await page.reload();
    await nav("Procedures");
    await page.getByRole("heading", { name: "Procedures", level: 1 }).waitFor();
    await page.getByText("No procedure yet").waitFor();
    await page.getByRole("button", { name: "Add the 3d-intake template" }).click();
    const row = page.getByRole("row", { name: /3D modelling request/ });
    await expect.poll(() => row.textContent(), { timeout: 60_000 }).toContain("MODELISATION");
    expect(await row.textContent()).toMatch(/MODELISATION\s*1\s*active/);
    // The template brought its categories: the section lists them with the threshold.
    const categories = page.getByRole("region", { name: "Categories" });
    await categories.getByText("This app uses its own categories.").waitFor();
    await categories.getByText("Confidence threshold: 70%.").waitFor();

    await page.getByRole("button", { name: "Edit 3D modelling request" }).click();
    const editor = page.getByRole("textbox", { name: "Definition (YAML or JSON)" });
    const source = await editor.inputValue();
    const broken = source.replace("accept: validated", "accept: nowhere");
    expect(broken).not.toBe(source);
    await editor.fill(broken);
    await page.getByRole("button", { name: "Save procedure" }).click();
    const issues = page.getByRole("list", { name: "Refused fields" });
    const line = broken.split("\n").findIndex((l) => l.includes("accept: nowhere")) + 1;
    await issues.getByRole("listitem").filter({ hasText: 'no step "nowhere"' }).waitFor();
    expect(await issues.textContent()).toContain(`Line ${line}`);
    expect(await issues.textContent()).toMatch(/definition\.steps\.\d+\.on\.accept/);
    expect(await editor.getAttribute("aria-invalid")).toBe("true");
    // Choosing the issue selects its line in the editor.
    await issues.getByRole("button", { name: `Line ${line}` }).click();
    const selected = await editor.evaluate((el: HTMLTextAreaElement) =>
      el.value.slice(el.selectionStart, el.selectionEnd),
    );
    expect(selected).toContain("accept: nowhere");
    await shot("01-refused-on-its-line");

    await editor.fill(source.replace("coûte {{quote.amount}}", "revient à {{quote.amount}}"));
    await page.getByRole("button", { name: "Save procedure" }).click();
    await editor.waitFor({ state: "detached" });
    await expect.poll(() => row.textContent()).toMatch(/MODELISATION\s*2\s*active/);
  }, 300_000);

  it("tries the procedure in shadow mode: every step with its inputs and outputs", async () => {
    await page.getByRole("button", { name: "Try 3D modelling request" }).click();
    const panel = page.getByRole("region", { name: /Try 3d-intake/ });
    await panel.getByLabel("Customer email").fill("test.customer@example.com");
    await panel.getByLabel("Customer message 1").fill("Bonjour, je voudrais modéliser une chaise de 120x60x45cm.");
    await panel.getByLabel("Attachments of message 1").fill("chaise.jpg");
    await panel.getByRole("button", { name: "Add a customer message" }).click();
    await panel.getByLabel("Customer message 2").fill("Parfait, je valide");
    await panel.getByRole("button", { name: "Run in shadow mode" }).click();
    await panel.getByText("Outcome: finished. Conversation status: validated. Language: fr.").waitFor();
    const steps = panel.getByRole("table", { name: "Every step, with its inputs and outputs" });
    await expect(steps.getByRole("row").count()).resolves.toBeGreaterThan(8);
    const task = steps.getByRole("row", { name: /^task / });
    expect(await task.textContent()).toContain("wouldCreateTask");
    expect(await steps.getByRole("row", { name: /^quote / }).textContent()).toContain("revient à 1 crédit");
    const decision = steps.getByRole("row", { name: /^decision / });
    expect(await decision.textContent()).toContain("Parfait, je valide");
    await shot("02-try-it");
  }, 120_000);

  it("shows a real run on the conversation, the queue's procedure status and the task, closed from the Tasks page", async () => {
    await say("m1", "Bonjour, je voudrais modéliser une chaise de 120x60x45cm, photo jointe.", ["chaise.jpg"]);
    const conversationId = await until(async () => {
      const list = await call<{ data: { id: string }[] }>("/api/v1/conversations?status=quoted");
      return list.data[0]?.id;
    }, "the quote");
    // The reply goes to the run once it waits for it (an earlier reply is picked up as well).
    await say("m2", "Parfait, je valide");
    // Under the app's default autonomy (suggest) the confirmation is a draft a person approves (ADR 0113).
    await until(async () => {
      const pending = await call<{ data: { id: string }[] }>(
        `/api/v1/drafts?conversation=${conversationId}&status=pending_approval`,
      );
      for (const draft of pending.data) await call(`/api/v1/drafts/${draft.id}/approve`, "POST", {});
      const detail = await call<{ procedureRuns: { state: string }[] }>(`/api/v1/conversations/${conversationId}`);
      return detail.procedureRuns[0]?.state === "finished" ? true : undefined;
    }, "the run to finish");

    await nav("Review queue");
    const filter = page.getByRole("region", { name: "Procedures under way" });
    await filter.getByLabel("Procedure status").selectOption({ label: "validated" });
    await filter.getByRole("link", { name: "Modélisation d’une chaise" }).click();
    const panel = page.getByRole("region", { name: "Procedure", exact: true });
    await panel.getByRole("heading", { name: /3d-intake version 2/ }).waitFor();
    await panel.getByText("finished", { exact: true }).waitFor();
    expect(await panel.textContent()).toContain("validated");
    expect(await panel.textContent()).toContain("120");
    await panel.getByText("1 (simple object)").waitFor();
    await panel.getByRole("link", { name: "Task (embedded)" }).waitFor();
    await panel.getByText("open", { exact: true }).waitFor();
    await expect(
      panel.getByRole("table", { name: "Steps of the run" }).getByRole("row").count(),
    ).resolves.toBeGreaterThan(8);
    await shot("03-conversation-panel");

    await nav("Tasks");
    const task = page.getByRole("listitem").filter({ hasText: "Demande ada@example.com" });
    await task.getByRole("button", { name: "Mark “Demande ada@example.com” done" }).click();
    await task.waitFor({ state: "detached" });
    await page.getByLabel("Status").selectOption({ label: "done" });
    await page.getByRole("listitem").filter({ hasText: "Demande ada@example.com" }).getByText("done").waitFor();
    await shot("04-tasks");
  }, 300_000);

  it("reads the same screens in French, then removes the procedure", async () => {
    await page.getByLabel("Language").selectOption({ label: "Français" });
    await nav("Procédures");
    await page.getByRole("heading", { name: "Procédures", level: 1 }).waitFor();
    await page.getByRole("columnheader", { name: "Catégorie déclencheuse" }).waitFor();
    await page.getByRole("button", { name: "Ajouter le modèle return-authorisation" }).waitFor();
    await page.getByRole("region", { name: "Catégories" }).getByText("Seuil de confiance").waitFor();
    await shot("05-procedures-fr");
    await nav("Tâches");
    await page.getByRole("heading", { name: "Tâches", level: 1 }).waitFor();
    await nav("Procédures");
    await page.getByRole("button", { name: "Retirer 3D modelling request" }).click();
    await page.getByRole("button", { name: /^Confirmer.+retirer 3D modelling request$/ }).click();
    await page.getByText("Aucune procédure").waitFor();
  }, 120_000);
});
