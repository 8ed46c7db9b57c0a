import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postGeneric } from "./generic.js";
import { type RunningSampleApp, startSampleApp } from "./sample-app.js";
import { browserPath, type Dashboard, openSignedInDashboard } from "./signed-in.js";
import { addKnowledge, registerProductApp } from "./steps.js";

const PRODUCT_APP_SECRET = "whsec_sample_app_e2e";

if (browserPath.skipReason) console.warn(`[skip] dashboard integrations end-to-end suite: ${browserPath.skipReason}`);

/** Signing keys and the product app: rotation, the app's data and actions on a draft, the conversation. */
describe.skipIf(Boolean(browserPath.skipReason))(
  "dashboard integrations end to end (real server, Chromium)",
  { timeout: 120_000 },
  () => {
    let d: Dashboard;
    let page: Dashboard["page"];
    let webhookUrl = "";
    let sample: RunningSampleApp;
    /** The app's webhook signing secret, known once the rotation test has made a new one. */
    let signingSecret = "";

    beforeAll(async () => {
      sample = await startSampleApp(PRODUCT_APP_SECRET);
      const signedIn = await openSignedInDashboard();
      d = signedIn;
      page = d.page;
      webhookUrl = signedIn.webhookUrl;
    }, 300_000);
    afterAll(async () => {
      await d?.close();
      await sample?.close();
    });

    it("rotates the webhook signing secret: the new one verifies at once, the old one until removed", async () => {
      await d.nav("Apps & channels");
      const keys = page.getByRole("region", { name: "Signing keys" });
      await keys.getByText("One webhook signing secret is live.").waitFor();
      await keys.getByRole("button", { name: "Rotate webhook signing secret" }).click();
      const field = keys.getByRole("textbox", { name: "New webhook signing secret" });
      await field.waitFor();
      const secret = await field.inputValue();
      expect(secret).toMatch(/^whsec_/);
      signingSecret = secret;
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: d.server.url });
      await keys.getByRole("button", { name: "Copy New webhook signing secret" }).click();
      await keys
        .getByRole("button", { name: "Copy New webhook signing secret" })
        .filter({ hasText: "Copied" })
        .waitFor();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(secret);
      await keys.getByText(/Rotation in progress/).waitFor();
      await d.shot("13-signing-key-rotated");
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
      await d.nav("Review queue");
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
      await d.shot("14-draft-actions");
      const conversationLink = page.getByRole("link", { name: "Whole conversation and its drafts" });
      const conversationPath = (await conversationLink.getAttribute("href")) ?? "";
      expect(conversationPath).toMatch(/^\/conversations\/cnv_/);

      await page.getByRole("button", { name: "Approve" }).click();
      // The refund runs after the approval, in the pipeline: its result arrives through live events.
      await refund.getByText("done", { exact: true }).waitFor();
      await page.getByRole("status").filter({ hasText: /^Sent/ }).waitFor();
      expect(sample.store.refunds).toEqual([expect.objectContaining({ purchaseId: "pur_course", amount: 9900 })]);
      await d.nav("Sandbox outbox");
      await page.getByText(/We have refunded 99\.00 EUR/).waitFor();

      // As a Slack escalation opens it: a fresh load of the conversation's address.
      await page.goto(`${d.server.url}${conversationPath}`);
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
        postGeneric(genericUrl, signingSecret, "refund-course-2", {
          customer: ada,
          conversation: thread,
          text: thanks,
        }),
      ).resolves.toBe(200);
      await messages.getByText(thanks).waitFor();
      await d.shot("15-conversation");
      await drafts
        .getByRole("listitem")
        .filter({ has: page.getByText("Sent", { exact: true }) })
        .getByRole("link")
        .click();
      await page.getByRole("heading", { name: "Draft reply" }).waitFor();
      const draftId = /\/drafts\/(drf_\w+)$/.exec(page.url())?.[1] ?? "";
      expect(draftId).not.toBe("");
      // The audit log's subjects open their draft; the Slack summary's /drafts is the queue.
      await d.nav("Audit log");
      await page.getByRole("link", { name: draftId }).first().click();
      await page.getByRole("heading", { name: "Draft reply" }).waitFor();
      await page.goto(`${d.server.url}/drafts`);
      await page.getByRole("heading", { name: "Review queue" }).waitFor();
    }, 60_000);
  },
);
