import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserPath, type Dashboard, openSignedInDashboard, ZENDESK_SECRET } from "./signed-in.js";
import { postZendeskTicket } from "./zendesk.js";

if (browserPath.skipReason) console.warn(`[skip] dashboard review end-to-end suite: ${browserPath.skipReason}`);

/** The review screens and what they feed: the queue, a draft, the outbox, analytics and trust. */
describe.skipIf(Boolean(browserPath.skipReason))(
  "dashboard review end to end (real server, Chromium)",
  { timeout: 120_000 },
  () => {
    let d: Dashboard;
    let page: Dashboard["page"];
    let webhookUrl = "";

    beforeAll(async () => {
      const signedIn = await openSignedInDashboard();
      d = signedIn;
      page = d.page;
      webhookUrl = signedIn.webhookUrl;
    }, 300_000);
    afterAll(async () => d?.close());

    it("shows a draft live when a signed webhook arrives, then edits, approves and finds it in the outbox", async () => {
      await d.nav("Review queue");
      await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
      await postZendeskTicket(webhookUrl, ZENDESK_SECRET, {
        id: "5001",
        subject: "Where is my order?",
        description: "I ordered a lamp last week and it has not arrived. Where is my order?",
      });
      // No reload, no polling: the row arrives through server-sent events.
      const row = page.locator("table.queue tbody tr", { hasText: "Where is my order?" });
      await row.waitFor();
      await d.shot("04-queue-live");
      await row.getByRole("link").click();
      await page.getByRole("heading", { name: "Trust decision" }).waitFor();
      await page.getByRole("heading", { name: "Validation gates" }).waitFor();
      await d.shot("05-draft-view");
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
      await d.nav("Sandbox outbox");
      await page.getByText(edited).waitFor();
      await d.shot("06-outbox");
    });

    it("rejects a draft with a reason", async () => {
      await d.nav("Review queue");
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
      await d.shot("07-reject");
      await page.getByRole("button", { name: "Confirm rejection" }).click();
      await page.getByRole("status").filter({ hasText: "Refunds need a manager" }).waitFor();
      await expect(page.getByRole("button", { name: "Approve" }).count()).resolves.toBe(0);
    });

    it("works from the keyboard: j selects the first open draft, a opens the editor when there is no text, Tab+Enter approves", async () => {
      await d.nav("Review queue");
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
      await d.shot("08-keyboard");
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
      await d.nav("Review queue");
      await page.locator(`tr[data-draft-id="${id}"] .badge`, { hasText: /Approved|Sent/ }).waitFor();
    });

    it("shows analytics over a date range as charts with data, each with its definition", async () => {
      await d.nav("Analytics");
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
      await d.shot("11-analytics");
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
      await d.nav("Autonomy");
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
      await d.shot("12-trust-over-time");
    });
  },
);
