import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "./browser.js";
import { postGeneric } from "./generic.js";
import { type RunningSampleApp, startSampleApp } from "./sample-app.js";
import { type RunningServer, startProduct } from "./server.js";
import { addKnowledge, registerProductApp } from "./steps.js";
import { postZendeskTicket } from "./zendesk.js";

const browserPath = chromiumPath();
const artifacts = resolve(import.meta.dirname, "../test-artifacts");
const ZENDESK_SECRET = "zendesk-e2e-secret";
const PRODUCT_APP_SECRET = "whsec_sample_app_e2e";

if (browserPath.skipReason) console.warn(`[skip] dashboard end-to-end suite: ${browserPath.skipReason}`);

describe.skipIf(Boolean(browserPath.skipReason))("dashboard end to end (real server, Chromium)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let webhookUrl = "";
  let sample: RunningSampleApp;
  /** The app's webhook signing secret, known once the rotation test has made a new one. */
  let signingSecret = "";
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  const nav = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startProduct();
    sample = await startSampleApp(PRODUCT_APP_SECRET);
    browser = await chromium.launch({ executablePath: browserPath.path, args: ["--no-sandbox"] });
    // English whatever the machine's language: french.test.ts walks the same pages in French.
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: "en-US" });
    page.setDefaultTimeout(15_000);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sample?.close();
  });

  it("signs up, creates an organization and sees what to do first", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill(`ada-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await shot("01-sign-up");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByLabel("Organization name").fill("Ada Corp");
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.getByRole("heading", { name: "Get started" }).waitFor();
    await expect(page.getByRole("link", { name: "Create an app" }).count()).resolves.toBe(1);
    await page.getByText(/· owner$/).waitFor();
    await shot("02-empty-queue");
  });

  it("creates an app and connects Zendesk with a write-only secret", async () => {
    await nav("Apps & channels");
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
    webhookUrl = await zendesk.getByRole("textbox", { name: "Zendesk webhook URL" }).inputValue();
    expect(webhookUrl).toMatch(/\/webhooks\/zendesk\/app_/);
    await shot("03-apps-channels");
  });

  it("adds knowledge as text and finds it in the search playground with its retriever", async () => {
    await addKnowledge(
      page,
      "Shipping times",
      "Orders ship within two business days. Delivery takes three to five days after shipping.",
    );
    await page.getByLabel("Question").fill("how many days does delivery take");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const hit = page.getByRole("listitem").filter({ hasText: "Delivery takes three to five days" });
    await hit.waitFor();
    await expect(hit.locator(".badge").textContent()).resolves.toMatch(/^(bm25|dense|hybrid)$/);
    await shot("03b-knowledge");
  });

  it("shows a draft live when a signed webhook arrives, then edits, approves and finds it in the outbox", async () => {
    await nav("Review queue");
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    await postZendeskTicket(webhookUrl, ZENDESK_SECRET, {
      id: "5001",
      subject: "Where is my order?",
      description: "I ordered a lamp last week and it has not arrived. Where is my order?",
    });
    // No reload, no polling: the row arrives through server-sent events.
    const row = page.locator("table.queue tbody tr", { hasText: "Where is my order?" });
    await row.waitFor();
    await shot("04-queue-live");
    await row.getByRole("link").click();
    await page.getByRole("heading", { name: "Trust decision" }).waitFor();
    await page.getByRole("heading", { name: "Validation gates" }).waitFor();
    await shot("05-draft-view");
    const reply = page.getByLabel("Reply text");
    // A declined draft (no knowledge to cite) opens in the editor already; one with text needs Edit.
    if (!(await reply.isVisible())) await page.getByRole("button", { name: "Edit" }).click();
    const edited = "Hello! Your lamp left our warehouse yesterday and arrives within two days. (e2e edit)";
    await reply.fill(edited);
    await page.getByRole("button", { name: "Approve" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Approved|Sent/ })
      .waitFor();
    await nav("Sandbox outbox");
    await page.getByText(edited).waitFor();
    await shot("06-outbox");
  });

  it("rejects a draft with a reason", async () => {
    await nav("Review queue");
    await postZendeskTicket(webhookUrl, ZENDESK_SECRET, {
      id: "5002",
      subject: "Refund please",
      description: "The lamp arrived broken, I want my money back.",
    });
    const refund = page.locator("table.queue tbody tr", { hasText: "Refund please" });
    await refund.waitFor();
    await refund.getByRole("link").click();
    await page.getByRole("button", { name: "Reject" }).click();
    await page.getByLabel("Reason for rejecting").fill("Refunds need a manager: escalating by phone.");
    await shot("07-reject");
    await page.getByRole("button", { name: "Confirm rejection" }).click();
    await page.getByRole("status").filter({ hasText: "Refunds need a manager" }).waitFor();
    await expect(page.getByRole("button", { name: "Approve" }).count()).resolves.toBe(0);
  });

  it("works from the keyboard: j selects the first open draft, a opens the editor when there is no text, Tab+Enter approves", async () => {
    await nav("Review queue");
    await postZendeskTicket(webhookUrl, ZENDESK_SECRET, {
      id: "5003",
      subject: "Opening hours",
      description: "When is your shop open on Saturdays?",
    });
    const hours = page.locator("table.queue tbody tr", { hasText: "Opening hours" });
    await hours.waitFor();
    const id = await hours.getAttribute("data-draft-id");
    await page.getByRole("heading", { name: "Review queue" }).click();
    await page.keyboard.press("j");
    await page.locator(`tr[data-draft-id="${id}"][aria-selected="true"]`).waitFor();
    await shot("08-keyboard");
    // Without knowledge the offline drafter declines, so "a" has nothing to approve yet.
    await page.keyboard.press("a");
    const reply = page.getByLabel("Reply text");
    await reply.waitFor();
    await expect(reply.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type("We open 9:00 to 17:00 on Saturdays.");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Approve");
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: /Approved|Sent/ })
      .waitFor();
    await nav("Review queue");
    await page.locator(`tr[data-draft-id="${id}"] .badge`, { hasText: /Approved|Sent/ }).waitFor();
  });

  it("renders the remaining screens", async () => {
    for (const [name, heading] of [
      ["Autonomy", "Autonomy"],
      ["Audit log", "Audit log"],
      ["API keys", "API keys"],
      ["Members", "Members"],
    ] as const) {
      await nav(name);
      await page.getByRole("heading", { name: heading, exact: true }).waitFor();
      await shot(`09-${name.toLowerCase().replace(/\W+/g, "-")}`);
    }
  });

  it("shows analytics over a date range as charts with data, each with its definition", async () => {
    await nav("Analytics");
    await page.getByRole("heading", { name: "Analytics", exact: true }).waitFor();
    const totals = page.getByRole("definition").first();
    await expect(totals.textContent()).resolves.toBe("3");
    const volume = page.getByRole("region", { name: "Volume by channel" });
    await volume.getByText(/Conversations started in the period/).waitFor();
    // Three Zendesk tickets today: bars drawn, and the same figures in the table behind the chart.
    await expect(volume.locator(".recharts-bar-rectangle").count()).resolves.toBeGreaterThan(0);
    const today = new Date().toISOString().slice(0, 10);
    await expect(
      volume
        .locator("table tr", { has: page.locator(`th time[datetime="${today}"]`) })
        .locator("td")
        .last()
        .textContent(),
    ).resolves.toBe("3");
    const rates = page.getByRole("region", { name: "Approval, auto-send and deflection" });
    await expect(rates.locator(".recharts-line").count()).resolves.toBe(3);
    await rates.getByText(/without a human writing or editing anything/).waitFor();
    await shot("11-analytics");
    const rows = volume.locator("tbody tr");
    await page.getByRole("button", { name: "Last 7 days" }).click();
    await rows.nth(7).waitFor({ state: "detached" });
    await expect(rows.count()).resolves.toBe(7);
    await page.getByRole("button", { name: "Custom" }).click();
    await page.getByLabel("From").fill(today);
    await rows.nth(1).waitFor({ state: "detached" });
    await expect(rows.count()).resolves.toBe(1);
    await page.getByLabel("Per").selectOption("week");
    await expect(totals.textContent()).resolves.toBe("3");
  }, 60_000);

  it("charts trust per category over time on the Autonomy page", async () => {
    await nav("Autonomy");
    const history = page.getByRole("region", { name: "Trust over time" });
    // Today's point per category: the lines have no length yet, so the data table is what proves them.
    await history.locator(".recharts-surface").first().waitFor();
    await history.locator("tbody tr").first().waitFor({ state: "attached" });
    await expect(history.locator("tbody tr th time").first().getAttribute("datetime")).resolves.toBe(
      new Date().toISOString().slice(0, 10),
    );
    await history
      .getByText(/outcomes?\)/)
      .first()
      .waitFor();
    await shot("12-trust-over-time");
  });

  it("rotates the webhook signing secret: the new one verifies at once, the old one until removed", async () => {
    await nav("Apps & channels");
    const keys = page.getByRole("region", { name: "Signing keys" });
    await keys.getByText("One webhook signing secret is live.").waitFor();
    await keys.getByRole("button", { name: "Rotate webhook signing secret" }).click();
    const field = keys.getByRole("textbox", { name: "New webhook signing secret" });
    await field.waitFor();
    const secret = await field.inputValue();
    expect(secret).toMatch(/^whsec_/);
    signingSecret = secret;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await keys.getByRole("button", { name: "Copy New webhook signing secret" }).click();
    await keys.getByRole("button", { name: "Copy New webhook signing secret" }).filter({ hasText: "Copied" }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(secret);
    await keys.getByText(/Rotation in progress/).waitFor();
    await shot("13-signing-key-rotated");
    const genericUrl = webhookUrl.replace("/webhooks/zendesk/", "/webhooks/generic/");
    await expect(postGeneric(genericUrl, secret, "rotation-1")).resolves.toBe(200);
    await keys.getByRole("button", { name: "Remove old webhook signing secret" }).click();
    await keys.getByRole("button", { name: "Confirm removal" }).click();
    await keys.getByText("One webhook signing secret is live.").waitFor();
    await expect(keys.getByRole("list", { name: "Live webhook signing keys" }).textContent()).resolves.toMatch(
      /^version 2 ·/,
    );
    await expect(postGeneric(genericUrl, secret, "rotation-2")).resolves.toBe(200);
    await expect(postGeneric(genericUrl, "whsec_not_the_secret", "rotation-3")).resolves.toBe(401);
  });

  it("shows the product app's data and the proposed refund on the draft, runs the refund on approval, and opens the conversation", async () => {
    const appId = /\/webhooks\/zendesk\/([^/]+)$/.exec(webhookUrl)?.[1] ?? "";
    await addKnowledge(
      page,
      "Refunds",
      "You can ask for a refund of any course within 30 days of purchase; we refund the full amount to your card.",
    );
    await expect(registerProductApp(page, appId, sample.url, PRODUCT_APP_SECRET)).resolves.toBe(200);
    await nav("Review queue");
    const genericUrl = webhookUrl.replace("/webhooks/zendesk/", "/webhooks/generic/");
    const ada = { email: "ada@example.com", name: "Ada Lovelace" };
    const thread = { externalId: "refund-course", subject: "Refund for my course" };
    const asked = await postGeneric(genericUrl, signingSecret, "refund-course-1", {
      customer: ada,
      conversation: thread,
      text: "Hello, I would like a refund for the TypeScript course, it is not for me.",
    });
    expect(asked).toBe(200);
    const row = page.locator("table.queue tbody tr", { hasText: "Refund for my course" });
    await row.waitFor();
    await row.getByRole("link").click();

    const appData = page.getByRole("region", { name: "In the product app" });
    await appData.getByText("Account usr_ada · Ada Lovelace · ada@example.com").waitFor();
    await appData
      .getByRole("list", { name: "Purchases" })
      .getByText(/^TypeScript Pro course: EUR\s99\.00/)
      .waitFor();
    await expect(appData.getByRole("list", { name: "Failed calls" }).count()).resolves.toBe(0);
    const refund = page.getByRole("list", { name: "Actions" }).getByRole("listitem");
    await expect(refund.count()).resolves.toBe(1);
    await refund.getByText("needs approval", { exact: true }).waitFor();
    await refund.getByText("by the product app", { exact: true }).waitFor();
    await refund.getByText(/"purchaseId":"pur_course","amount":9900/).waitFor();
    const tick = refund.getByRole("checkbox", { name: "Run refund with the approval" });
    await expect(tick.isChecked()).resolves.toBe(true);
    await tick.uncheck();
    await expect(tick.isChecked()).resolves.toBe(false);
    await tick.check();
    await expect(tick.isChecked()).resolves.toBe(true);
    await shot("14-draft-actions");
    const conversationLink = page.getByRole("link", { name: "Whole conversation and its drafts" });
    const conversationPath = (await conversationLink.getAttribute("href")) ?? "";
    expect(conversationPath).toMatch(/^\/conversations\/cnv_/);

    await page.getByRole("button", { name: "Approve" }).click();
    // The refund runs after the approval, in the pipeline: its result arrives through live events.
    await refund.getByText("done", { exact: true }).waitFor();
    await page.getByRole("status").filter({ hasText: /^Sent/ }).waitFor();
    expect(sample.store.refunds).toEqual([expect.objectContaining({ purchaseId: "pur_course", amount: 9900 })]);
    await nav("Sandbox outbox");
    await page.getByText(/We have refunded 99\.00 EUR/).waitFor();

    // As a Slack escalation opens it: a fresh load of the conversation's address.
    await page.goto(`${server.url}${conversationPath}`);
    await page.getByRole("heading", { level: 1, name: /Refund for my course/ }).waitFor();
    const messages = page.getByRole("region", { name: "Conversation" });
    await messages.getByText(/from customer via Signed webhook/).waitFor();
    await messages.getByText(/reply sent via Signed webhook/).waitFor();
    await messages.getByText(/We have refunded 99\.00 EUR/).waitFor();
    await page.getByRole("region", { name: "Customer" }).getByText("ada@example.com").waitFor();
    await page
      .getByRole("region", { name: "In the product app" })
      .getByText(/usr_ada/)
      .waitFor();
    const drafts = page.getByRole("region", { name: "Drafts" });
    await drafts.getByText("Sent", { exact: true }).waitFor();
    // Ada answers in the same thread: the page shows it through live events, without a reload.
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    const thanks = "Thank you, the refund arrived.";
    await expect(
      postGeneric(genericUrl, signingSecret, "refund-course-2", { customer: ada, conversation: thread, text: thanks }),
    ).resolves.toBe(200);
    await messages.getByText(thanks).waitFor();
    await shot("15-conversation");
    await drafts
      .getByRole("listitem")
      .filter({ has: page.getByText("Sent", { exact: true }) })
      .getByRole("link")
      .click();
    await page.getByRole("heading", { name: "Draft reply" }).waitFor();
    const draftId = /\/drafts\/(drf_\w+)$/.exec(page.url())?.[1] ?? "";
    expect(draftId).not.toBe("");
    // The audit log's subjects open their draft; the Slack summary's /drafts is the queue.
    await nav("Audit log");
    await page.getByRole("link", { name: draftId }).first().click();
    await page.getByRole("heading", { name: "Draft reply" }).waitFor();
    await page.goto(`${server.url}/drafts`);
    await page.getByRole("heading", { name: "Review queue" }).waitFor();
  }, 60_000);

  it("changes an app's settings, shows refused values at their field, and keeps what was saved", async () => {
    await nav("Settings");
    await page.getByRole("heading", { name: "App settings", level: 1 }).waitFor();
    const form = page.getByRole("form", { name: "Settings of Acme Shop" });
    await form.getByLabel("Tone").fill("warm and brief");
    await form.getByLabel("Signature").fill("Ada, Acme Shop support");
    await form.getByLabel("Banned phrases").fill("free forever\nguaranteed");
    await form.getByLabel("Approval deadline (hours)").fill("2");
    await form.getByLabel("Always open").uncheck();
    await form.getByLabel("Time zone").fill("Mars/Olympus");
    await form.getByLabel("Monday").fill("9h to 12h");
    await form.getByRole("button", { name: "Save settings" }).click();
    // The browser tells the unreadable hours at once; the API refuses the time zone, named at its field.
    const monday = form.getByRole("textbox", { name: "Monday" });
    await expect(monday.getAttribute("aria-invalid")).resolves.toBe("true");
    await form.getByText("Write ranges as 09:00-12:00, separated by commas.").waitFor();
    await form.getByLabel("Monday").fill("09:00-12:00, 14:00-18:00");
    await form.getByRole("button", { name: "Save settings" }).click();
    const timezone = form.getByRole("textbox", { name: "Time zone" });
    await expect.poll(() => timezone.getAttribute("aria-invalid"), { timeout: 15_000 }).toBe("true");
    await expect(monday.getAttribute("aria-invalid")).resolves.toBeNull();
    await shot("17-settings-refused");
    await form.getByLabel("Time zone").fill("Europe/Paris");
    await form.getByRole("button", { name: "Save settings" }).click();
    await form.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await page.reload();
    const saved = page.getByRole("form", { name: "Settings of Acme Shop" });
    await expect(saved.getByLabel("Signature").inputValue()).resolves.toBe("Ada, Acme Shop support");
    await expect(saved.getByLabel("Monday").inputValue()).resolves.toBe("09:00-12:00, 14:00-18:00");
    await expect(saved.getByLabel("Banned phrases").inputValue()).resolves.toBe("free forever\nguaranteed");
    await shot("18-settings-saved");
  }, 60_000);

  it("re-syncs and deletes a knowledge source from the Knowledge page", async () => {
    await nav("Knowledge");
    const source = page.getByRole("listitem").filter({ hasText: "Shipping times" });
    await source.getByRole("button", { name: "Re-sync Shipping times" }).click();
    for (let i = 0; i < 50 && !(await source.getByText(/^ready/).isVisible()); i++) {
      await page.getByRole("button", { name: "Refresh status" }).click();
      await page.waitForTimeout(200);
    }
    await source.getByText(/^ready/).waitFor();
    await source.getByRole("button", { name: "Delete Shipping times" }).click();
    await source.getByRole("button", { name: "Confirm deleting Shipping times" }).click();
    await source.waitFor({ state: "detached" });
  }, 60_000);

  it("invites a teammate as agent by link; they sign up with that email, accept and get an agent's UI", async () => {
    const agentEmail = `sam-${Date.now()}@example.com`;
    await nav("Members");
    await page.getByLabel("Email").fill(agentEmail);
    await page.getByLabel("Role").selectOption("agent");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Invitation created for ${agentEmail}` })
      .waitFor();
    const link = await page.getByRole("textbox", { name: "Invitation link" }).inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invite/inv_`));
    await page
      .getByRole("listitem")
      .filter({ hasText: `${agentEmail} · agent` })
      .waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to Support" }).waitFor();

    await page.goto(link);
    await page.getByLabel("Name").fill("Sam Agent");
    await page.getByLabel("Email").fill(agentEmail);
    await page.getByLabel("Password").fill("another good password");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByText(`Ada Corp invites ${agentEmail} as agent`).waitFor();
    await shot("10-invitation");
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await page.getByText(`${agentEmail} · agent`).waitFor();
    await page.locator("table.queue tbody tr").first().waitFor();
    const navLinks = await page.getByRole("navigation", { name: "Main" }).getByRole("link").allInnerTexts();
    expect(navLinks).toContain("Review queue");
    expect(navLinks).not.toContain("Audit log");
    expect(navLinks).not.toContain("API keys");
    await nav("Apps & channels");
    await page
      .getByRole("region", { name: "Signing keys" })
      .getByText(/webhook signing secret is live/)
      .waitFor();
    await expect(page.getByRole("button", { name: /Rotate/ }).count()).resolves.toBe(0);
  });
});
