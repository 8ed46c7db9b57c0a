import { type Browser, chromium, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frontInbound, frontSign } from "../../api/test/vendor-payloads.js";
import { chromiumPath } from "../../web/e2e/browser.js";
import { type RunningServer, startProduct } from "../../web/e2e/server.js";
import { type FakeFront, startFakeFront } from "./fake-front.js";

const browserPath = chromiumPath();
const SECRET = "front-plugin-e2e-secret-0123456789";
const FRONT_APP_SECRET = "front-webhook-secret";

if (browserPath.skipReason) console.warn(`[skip] Front plugin end-to-end suite: ${browserPath.skipReason}`);

/**
 * The sidebar plugin in Chromium, framed by a fake Front page that speaks the SDK's protocol, against
 * the real server (`pnpm start`): context updates for no conversation, several, and one; an unknown
 * teammate sees nothing; a member approves an edited reply once (a double click), asks for a new
 * draft on another conversation and rejects that one.
 */
describe.skipIf(Boolean(browserPath.skipReason))("the Front sidebar plugin (real server, Chromium)", () => {
  let server: RunningServer;
  let front: FakeFront;
  let browser: Browser;
  let page: Page;
  let cookie = "";
  const suffix = Date.now().toString(36);
  const email = `ops-${suffix}@example.com`;
  const slug = `plugin-${suffix}`;

  async function call<T>(path: string, method = "GET", body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { origin: server.url, cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie().map((c) => c.split(";")[0]);
    if (set.length > 0) cookie = set.join("; ");
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  const plugin = (): Frame => {
    const frame = page.frame({ url: /\/front-plugin\// });
    if (!frame) throw new Error("the plugin frame is not loaded");
    return frame;
  };
  const sendContext = (context: unknown) =>
    page.evaluate((c) => (window as unknown as { sendContext: (c: unknown) => void }).sendContext(c), context);
  const single = (id: string, teammate = email) => ({
    type: "singleConversation",
    teammate: { id: "tea_1", name: "Ops", username: "ops", email: teammate },
    conversation: { id, subject: "Password", type: "email", status: "open", tags: [], inboxes: [], links: [] },
  });

  beforeAll(async () => {
    front = await startFakeFront();
    server = await startProduct({ FRONT_PLUGIN_FRAME_ANCESTORS: front.origin });
    browser = await chromium.launch({ executablePath: browserPath.path, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 420, height: 820 }, locale: "en-US" });
    page.setDefaultTimeout(20_000);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await front?.close();
  });

  it("follows Front's context and decides on drafts exactly once, as the mapped member", async () => {
    await call("/api/auth/sign-up/email", "POST", { email, password: "correct horse battery", name: "Ops" });
    // Sign-up signs nobody in (it answers a taken email the same way): the session comes from sign-in.
    await call("/api/auth/sign-in/email", "POST", { email, password: "correct horse battery" });
    const org = await call<{ id: string }>("/api/auth/organization/create", "POST", { name: "Plugin Co", slug });
    await call("/api/auth/organization/set-active", "POST", { organizationId: org.id });
    const app = await call<{ id: string }>("/api/v1/apps", "POST", { name: "Shop", settings: { debounceSeconds: 0 } });
    await call(`/api/v1/apps/${app.id}/channels/front`, "PUT", { secrets: { appSecret: FRONT_APP_SECRET } });
    await call("/api/v1/front-plugin", "PUT", { secret: SECRET });
    await call("/api/v1/knowledge/sources", "POST", {
      app: app.id,
      title: "Resetting your password",
      body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password. We email you a reset link that works for one hour.\n",
    });
    for (let i = 0; i < 200; i++) {
      const sources = await call<{ data: { status: string }[] }>(`/api/v1/knowledge/sources?app=${app.id}`);
      if (sources.data[0]?.status === "ready") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const ask = async (conversationId: string, n: number) => {
      const raw = JSON.stringify(
        frontInbound({
          eventId: `evt_${n}`,
          messageId: `msg_${n}`,
          conversationId,
          blurb: "Hi, how do I reset my password? I forgot it.",
        }),
      );
      const res = await fetch(`${server.url}/webhooks/front/${app.id}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...frontSign(FRONT_APP_SECRET, raw) },
        body: raw,
      });
      expect(res.status).toBe(200);
    };
    await ask("cnv_approve1", 1);
    await ask("cnv_reject1", 2);
    const draftOf = async (externalId: string) => {
      for (let i = 0; i < 300; i++) {
        const conversations = await call<{ data: { id: string; externalId: string }[] }>(
          "/api/v1/conversations?channel=front",
        );
        const conversation = conversations.data.find((c) => c.externalId === externalId);
        const drafts = conversation
          ? await call<{ data: { id: string; status: string }[] }>(`/api/v1/drafts?conversation=${conversation.id}`)
          : { data: [] };
        const open = drafts.data.find((d) => d.status === "pending_approval" || d.status === "declined");
        if (open && conversation) return { draftId: open.id, conversationId: conversation.id };
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no open draft for ${externalId}`);
    };
    const toApprove = await draftOf("cnv_approve1");
    const toReject = await draftOf("cnv_reject1");

    front.setPluginUrl(`${server.url}/front-plugin/?org=${slug}&auth_secret=${SECRET}`);
    await page.goto(front.url);
    await page.waitForFunction(() => (window as unknown as { connected: boolean }).connected);

    await sendContext({ type: "noConversation", teammate: { email } });
    await plugin().getByText("Open a conversation to see its draft.").waitFor();
    await sendContext({
      type: "multiConversations",
      teammate: { email },
      conversations: [{ id: "cnv_a" }, { id: "cnv_b" }],
    });
    await plugin().getByText("2 conversations selected").waitFor();

    // A Front teammate who is not a member sees the refusal, and nothing of the conversation.
    await sendContext(single("cnv_approve1", "stranger@example.com"));
    await plugin()
      .getByRole("alert")
      .getByText(/not a member/)
      .waitFor();
    expect(await plugin().getByRole("textbox", { name: "Reply" }).count()).toBe(0);

    // The member: the draft with its citation, gates and trust decision; an edited reply, sent once.
    await sendContext(single("cnv_approve1"));
    const draft = plugin().getByRole("article", { name: "Draft" });
    await draft
      .getByRole("link", { name: "Resetting your password" })
      .or(draft.getByText("Resetting your password"))
      .first()
      .waitFor();
    await draft.getByRole("region", { name: "Trust decision" }).waitFor();
    await draft.getByRole("region", { name: "Gates" }).waitFor();
    const reply = draft.getByRole("textbox", { name: "Reply" });
    const edited = `${await reply.inputValue()}\n\nSam from Plugin Co`;
    await reply.fill(edited);
    await draft.getByRole("button", { name: "Send edited reply" }).dblclick();
    await plugin()
      .getByText(/Draft: (approved|sent)/)
      .waitFor();
    const approved = await call<{ status: string; decidedVia: string; sentText: string }>(
      `/api/v1/drafts/${toApprove.draftId}`,
    );
    expect(approved).toMatchObject({ decidedVia: "front", sentText: edited.trim() });
    const audit = await call<{ data: { action: string; subject: string }[] }>("/api/v1/audit?limit=100");
    expect(audit.data.filter((a) => a.action === "draft.approved" && a.subject === toApprove.draftId)).toHaveLength(1);
    // The reply leaves once, through the Front channel (its sandbox outbox: no Front API token set).
    let sent: { conversationId: string; text: string }[] = [];
    for (let i = 0; i < 200 && sent.length === 0; i++) {
      const outbox = await call<{ data: { conversationId: string; text: string }[] }>(
        `/api/v1/outbox?app=${app.id}&channel=front`,
      );
      sent = outbox.data.filter((m) => m.conversationId === toApprove.conversationId);
      if (sent.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(sent.map((m) => m.text)).toEqual([edited.trim()]);

    // Another conversation: a new draft asked for (the pipeline writes attempt 1), then rejected with a reason.
    await sendContext(single("cnv_reject1"));
    const first = plugin().getByRole("article", { name: "Draft" });
    await first.getByRole("button", { name: "New draft…" }).click();
    await first.getByRole("textbox", { name: /What should change/ }).fill("Mention the reset link's lifetime");
    await first.getByRole("button", { name: "Ask for a new draft" }).dblclick();
    let drafts: { id: string; status: string; reason: string | null }[] = [];
    for (let i = 0; i < 300 && drafts.length < 2; i++) {
      drafts = (await call<{ data: typeof drafts }>(`/api/v1/drafts?conversation=${toReject.conversationId}`)).data;
      if (drafts.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(drafts).toHaveLength(2);
    expect(drafts.find((d) => d.id === toReject.draftId)).toMatchObject({
      status: "superseded",
      reason: "new draft requested: Mention the reset link's lifetime",
    });
    const redrafted = drafts.find((d) => d.id !== toReject.draftId);
    // The sidebar shows the new draft once the pipeline stored it.
    const second = plugin().locator(`article[data-draft="${redrafted?.id}"]`);
    await second.waitFor({ timeout: 60_000 });
    await second.getByRole("button", { name: "Reject…" }).click();
    await second.getByRole("textbox", { name: "Why is this draft wrong?" }).fill("It should mention two-factor reset");
    await second.getByRole("button", { name: "Reject draft" }).click();
    await plugin()
      .getByText(/Draft: rejected/)
      .waitFor();
    expect(await call(`/api/v1/drafts/${redrafted?.id}`)).toMatchObject({
      status: "rejected",
      reason: "It should mention two-factor reset",
      decidedVia: "front",
    });

    // A secret rotated here rides in the registered URL (`key`) and wins over Front's own
    // `auth_secret`, which no longer matches (ADR 0146).
    const rotated = await call<{ pluginUrl: string }>("/api/v1/front-plugin/secret/rotate", "POST", {});
    front.setPluginUrl(`${rotated.pluginUrl}&auth_secret=${SECRET}`);
    await page.goto(front.url);
    await page.waitForFunction(() => (window as unknown as { connected: boolean }).connected);
    await sendContext(single("cnv_approve1"));
    await plugin()
      .getByText(/Draft: (approved|sent)/)
      .waitFor();
  }, 240_000);
});
