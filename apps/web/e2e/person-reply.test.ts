import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "./browser.js";
import { postGeneric } from "./generic.js";
import { type RunningServer, startProduct } from "./server.js";

const browserPath = chromiumPath();

/**
 * A person answers a declined, an escalated and a failed-send conversation from the composer on
 * the conversation page. The customer is the product app's generic callback on 127.0.0.1: it
 * counts each reply it accepted, and refuses (422) as many calls as it is told to.
 */
interface Customer {
  server: Server;
  url: string;
  accepted: { conversationId: string; text: string }[];
  refuse: number;
}

function startCustomer(): Promise<Customer> {
  const customer = { url: "", accepted: [], refuse: 0 } as unknown as Customer;
  customer.server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (customer.refuse > 0) {
        customer.refuse--;
        res.statusCode = 422;
        res.end('{"error":"customer unreachable"}');
        return;
      }
      const payload = JSON.parse(body);
      customer.accepted.push({ conversationId: payload.conversation.id, text: payload.message.text });
      res.end("{}");
    });
  });
  return new Promise((resolve) =>
    customer.server.listen(0, "127.0.0.1", () => {
      customer.url = `http://127.0.0.1:${(customer.server.address() as AddressInfo).port}`;
      resolve(customer);
    }),
  );
}

if (browserPath.skipReason) console.warn(`[skip] person reply end-to-end suite: ${browserPath.skipReason}`);

describe.skipIf(Boolean(browserPath.skipReason))("a person answers from the dashboard (real server, Chromium)", () => {
  let server: RunningServer;
  let customer: Customer;
  let browser: Browser;
  let page: Page;
  /** The signed-in session's API, as the dashboard calls it: set-up no screen is under test for. */
  const call = <T>(path: string, method = "GET", body?: unknown): Promise<T> =>
    page.evaluate(
      async (input) => {
        const res = await fetch(input.path, {
          method: input.method,
          // Mutations are JSON, as the dashboard sends them (the API refuses other bodies: CSRF).
          headers: input.method === "GET" ? {} : { "content-type": "application/json" },
          body: input.method === "GET" ? undefined : JSON.stringify(input.body ?? {}),
        });
        return res.json();
      },
      { path, method, body },
    ) as Promise<T>;

  beforeAll(async () => {
    server = await startProduct();
    customer = await startCustomer();
    browser = await chromium.launch({ executablePath: browserPath.path, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: "en-US" });
    page.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    customer?.server.close();
  });

  it("answers a declined, an escalated and a failed-send conversation; the customer receives each text once", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Sam Agent");
    await page.getByLabel("Email").fill(`sam-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByLabel("Organization name").fill("Sam Corp");
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.getByRole("heading", { name: "Get started" }).waitFor();

    const app = await call<{ id: string }>("/api/v1/apps", "POST", { name: "Shop", settings: { debounceSeconds: 0 } });
    const { secret } = await call<{ secret: string }>(`/api/v1/apps/${app.id}/signing-keys/rotate`, "POST");
    await call(`/api/v1/apps/${app.id}/channels/generic`, "PUT", {
      settings: { callbackUrl: `${customer.url}/support/replies` },
    });
    await call("/api/v1/knowledge/sources", "POST", {
      app: app.id,
      title: "Resetting your password",
      body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password. We email you a reset link that works for one hour.\n",
    });
    // Processed in the background: wait until it is searchable, so the password question gets a draft.
    for (let i = 0; i < 100; i++) {
      const sources = await call<{ data: { status: string }[] }>(`/api/v1/knowledge/sources?app=${app.id}`);
      if (sources.data[0]?.status === "ready") break;
      await page.waitForTimeout(100);
    }
    const webhook = `${server.url}/webhooks/generic/${app.id}`;
    const say = (id: string, text: string) =>
      postGeneric(webhook, secret, id, {
        customer: { email: `${id}@example.com`, name: "Ada" },
        conversation: { externalId: id },
        text,
      });
    const draftFor = async (externalId: string, status: string) => {
      for (let i = 0; i < 200; i++) {
        const drafts = await call<{ data: { id: string; conversationId: string }[] }>(
          `/api/v1/drafts?status=${status}`,
        );
        for (const d of drafts.data) {
          const c = await call<{ externalId: string }>(`/api/v1/conversations/${d.conversationId}`);
          if (c.externalId === externalId) return d;
        }
        await page.waitForTimeout(100);
      }
      throw new Error(`no ${status} draft for ${externalId}`);
    };

    expect(await say("declined", "Where is my parcel? It has been two weeks.")).toBe(200);
    expect(await say("escalated", "I want to talk to a human, please.")).toBe(200);
    const declined = (await draftFor("declined", "declined")).conversationId;
    const escalated = (await draftFor("escalated", "escalated")).conversationId;
    // Escalated, the customer is first told when a person will answer (the handoff notice, on by default).
    const notice = "Thank you for your message. A member of our team will answer you within 4 hours.";
    const received = (conversationId: string) =>
      customer.accepted.filter((r) => r.conversationId === conversationId).map((r) => r.text);
    await expect.poll(() => received(escalated), { timeout: 30_000 }).toEqual([notice]);
    // The failed send: the knowledge answers, the approved reply is refused by the customer's side.
    expect(await say("failed", "Hi, how do I reset my password? I forgot it.")).toBe(200);
    const pending = await draftFor("failed", "pending_approval");
    customer.refuse = 1;
    await call(`/api/v1/drafts/${pending.id}/approve`, "POST", {});
    await draftFor("failed", "failed");

    const answer = async (conversationId: string, text: string) => {
      await page.goto(`${server.url}/conversations/${conversationId}`);
      const composer = page.getByRole("region", { name: "Reply as a person" });
      const field = composer.getByRole("textbox", { name: /Your reply/ });
      await field.fill(text);
      // A double click sends once: both clicks carry the same idempotency key.
      await composer.getByRole("button", { name: "Send reply" }).dblclick();
      await expect.poll(() => field.inputValue()).toBe("");
      return composer;
    };
    for (const [conversationId, text] of [
      [declined, "Your parcel is on its way: it left our warehouse this morning."],
      [escalated, "Hello, I am Sam, a person: how can I help?"],
    ] as const) {
      await answer(conversationId, text);
      // The escalated conversation lists the notice's delivery too: wait for this text's arrival.
      await expect.poll(() => received(conversationId).filter((t) => t !== notice)).toEqual([text]);
      await page.getByText(text).first().waitFor();
      expect(received(conversationId).filter((t) => t !== notice)).toEqual([text]);
    }
    expect(received(escalated)).toEqual([notice, "Hello, I am Sam, a person: how can I help?"]);
    // The failed-send conversation: the person's reply fails too, then Resend delivers it once.
    customer.refuse = 1;
    const text = "Sorry for the trouble: click Forgot password on the sign-in page.";
    const listed = () =>
      page
        .locator("li[data-delivery]")
        .evaluateAll((items) => items.map((item) => item.getAttribute("data-delivery") ?? ""));
    await page.goto(`${server.url}/conversations/${pending.conversationId}`);
    await page.locator("li[data-delivery]").first().waitFor();
    const before = await listed();
    const composer = await answer(pending.conversationId, text);
    // The person's reply is the delivery that was not listed before it (the draft's failed one was).
    await expect.poll(async () => (await listed()).length).toBe(before.length + 1);
    const id = (await listed()).find((d) => !before.includes(d));
    const mine = composer.locator(`li[data-delivery="${id}"]`);
    // A resend is a new delivery; resending the same failed one again sends nothing more.
    await mine.getByRole("button", { name: "Resend" }).click();
    await expect.poll(async () => (await listed()).length).toBe(before.length + 2);
    const resent = (await listed()).find((d) => d !== id && !before.includes(d));
    await composer.locator(`li[data-delivery="${resent}"]`).getByText("Sent", { exact: true }).waitFor();
    await mine.getByRole("button", { name: "Resend" }).click();
    await page.waitForTimeout(500);
    expect(received(pending.conversationId)).toEqual([text]);
  }, 180_000);
});
