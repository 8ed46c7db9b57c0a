import { initProduct } from "@support/core";
import { findInDatabase, seedPendingDraft, setDraftActions } from "@support/product/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { frontInbound, frontSign } from "./vendor-payloads.js";
import { configureVendorChannels, post } from "./webhook-helpers.js";

const SECRET = "front-plugin-secret-0123456789";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] Front plugin API on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`the Front sidebar plugin's API on ${dialect.name}`, () => {
    let p: TestProduct;
    let orgSlug: string;
    const suffix = Math.random().toString(36).slice(2, 8);
    const agentEmail = `agent-${suffix}@example.com`;
    let conversationId: string;
    let messageId: string;

    /** A call as the plugin page makes it: the organization, Front's secret and the teammate in headers. */
    const plugin = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
      p.api.request(`/front-plugin/api${path}`, {
        method: init.method ?? "GET",
        headers: {
          "x-front-plugin-org": orgSlug,
          "x-front-plugin-secret": SECRET,
          "x-front-teammate": agentEmail.toUpperCase(),
          ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
          ...init.headers,
        },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      });

    beforeAll(async () => {
      p = await openTestProduct(dialect.env);
      const db = p.runtime.database;
      const org = (await db.q.select().from(db.t.organizations)).find((o) => o.id === p.orgId);
      orgSlug = org?.slug ?? "";
      expect(orgSlug).not.toBe("");
      // A teammate with an account, made a member (agent) of the organization.
      const { user } = await (await p.runtime.auth()).api.signUpEmail({
        body: { email: agentEmail, password: "correct horse battery", name: "Agent" },
      });
      await (await p.runtime.auth()).api.addMember({
        body: { userId: user.id, organizationId: p.orgId, role: "agent" },
      });
      await configureVendorChannels(p);
      const raw = JSON.stringify(
        frontInbound({
          eventId: "evt_plugin1",
          messageId: "msg_plugin1",
          conversationId: "cnv_plugin1",
          blurb: "Refund?",
        }),
      );
      expect((await post(p, `/webhooks/front/${p.appId}`, raw, frontSign("front-secret", raw))).status).toBe(200);
      const conversation = (await db.q.select().from(db.t.conversations)).find((c) => c.externalId === "cnv_plugin1");
      const message = (await db.q.select().from(db.t.messages)).find((m) => m.conversationId === conversation?.id);
      conversationId = conversation?.id ?? "";
      messageId = message?.id ?? "";
      expect(messageId).not.toBe("");
      // A sign-up, a member and a webhook: over the 10 s default on a loaded machine.
    }, 120_000);
    afterAll(async () => p.runtime.database.close());

    it("refuses every call until an admin stores the plugin's secret, which is encrypted at rest", async () => {
      expect((await plugin("/me")).status).toBe(401);
      const agentKey = (
        await jsonCall(p, "/api/v1/keys", { method: "POST", body: { name: "a", role: "agent" } })
      ).json();
      const asAgent = await jsonCall(p, "/api/v1/front-plugin", {
        method: "PUT",
        body: { secret: SECRET },
        key: (await agentKey).token,
      });
      expect(asAgent.status).toBe(403);
      const stored = await jsonCall(p, "/api/v1/front-plugin", { method: "PUT", body: { secret: SECRET } });
      expect(stored.status).toBe(200);
      expect(await stored.json()).toMatchObject({ configured: true });
      expect(await findInDatabase(p.runtime, [SECRET])).toEqual([]);
    });

    it("authorises the secret and a teammate who is a member; refuses the rest with problems", async () => {
      const me = await plugin("/me");
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({
        email: agentEmail,
        role: "agent",
        actor: expect.stringMatching(/^user:/),
      });

      const wrongSecret = await plugin("/me", { headers: { "x-front-plugin-secret": "guess-guess-guess-guess" } });
      expect(wrongSecret.status).toBe(401);
      expect(wrongSecret.headers.get("content-type")).toContain("application/problem+json");
      expect((await plugin("/me", { headers: { "x-front-plugin-org": "nobody" } })).status).toBe(401);
      const stranger = await plugin("/conversations/cnv_plugin1", {
        headers: { "x-front-teammate": "stranger@example.com" },
      });
      expect(stranger.status).toBe(403);
      expect(JSON.stringify(await stranger.json())).not.toContain("Refund");
      expect((await plugin("/conversations/not-a-front-id")).status).toBe(400);
    });

    it("finds our conversation by Front's conversation id, with its newest draft; none for an unknown one", async () => {
      const draft = await seedPendingDraft(p.runtime, { orgId: p.orgId, appId: p.appId, conversationId, messageId });
      const found = await (await plugin("/conversations/cnv_plugin1")).json();
      expect(found.conversations).toHaveLength(1);
      expect(found.conversations[0]).toMatchObject({
        conversation: { id: conversationId, externalId: "cnv_plugin1", channel: "front" },
        contact: { email: "ada@example.com" },
        draft: { id: draft.id, status: "pending_approval", citations: [], gates: [] },
      });
      expect(await (await plugin("/conversations/cnv_unknown")).json()).toEqual({
        frontConversationId: "cnv_unknown",
        conversations: [],
      });
    });

    it("approves with the chosen actions and edited text exactly once, recorded as the member via Front", async () => {
      const { draft } = (await (await plugin("/conversations/cnv_plugin1")).json()).conversations[0];
      await setDraftActions(p.runtime, p.orgId, draft.id, [
        {
          id: "a1",
          action: "stripe.refund",
          input: { chargeId: "ch_1", amount: 500 },
          risk: "approval_required",
          autoApprovable: false,
          reason: "Refund 5.00 EUR.",
          via: "stripe",
        },
      ]);
      const withoutChoice = await plugin(`/drafts/${draft.id}/approve`, { method: "POST", body: {} });
      expect(withoutChoice.status).toBe(400);
      const approve = () =>
        plugin(`/drafts/${draft.id}/approve`, {
          method: "POST",
          body: { text: "Refunded: you will see it in 5 days.", actions: [] },
        });
      const [first, second] = await Promise.all([approve(), approve()]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const approved = await (await jsonCall(p, `/api/v1/drafts/${draft.id}`)).json();
      expect(approved).toMatchObject({
        status: "approved",
        sentText: "Refunded: you will see it in 5 days.",
        decidedVia: "front",
        decidedBy: expect.stringMatching(/^user:/),
        actions: [{ id: "a1", approved: false }],
      });
      const audit = await (await jsonCall(p, "/api/v1/audit?limit=100")).json();
      expect(
        audit.data.filter(
          (a: { action: string; subject: string }) => a.action === "draft.approved" && a.subject === draft.id,
        ),
      ).toHaveLength(1);
    });

    it("rejects with a reason exactly once; a mutation that is not JSON is refused", async () => {
      const draft = await seedPendingDraft(p.runtime, {
        orgId: p.orgId,
        appId: p.appId,
        conversationId,
        messageId: `${messageId}_2`,
      });
      const form = await p.api.request(`/front-plugin/api/drafts/${draft.id}/reject`, {
        method: "POST",
        headers: {
          "x-front-plugin-org": orgSlug,
          "x-front-plugin-secret": SECRET,
          "x-front-teammate": agentEmail,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "reason=x",
      });
      expect(form.status).toBe(415);
      expect((await plugin(`/drafts/${draft.id}/reject`, { method: "POST", body: { reason: "" } })).status).toBe(400);
      const reject = () =>
        plugin(`/drafts/${draft.id}/reject`, { method: "POST", body: { reason: "Wrong order number" } });
      expect((await reject()).status).toBe(200);
      expect((await reject()).status).toBe(409);
      expect(await (await jsonCall(p, `/api/v1/drafts/${draft.id}`)).json()).toMatchObject({
        status: "rejected",
        reason: "Wrong order number",
        decidedVia: "front",
      });
    });

    it("asks for a new draft exactly once: the draft is set aside and one request is queued", async () => {
      const draft = await seedPendingDraft(p.runtime, {
        orgId: p.orgId,
        appId: p.appId,
        conversationId,
        messageId: `${messageId}_3`,
      });
      const redraft = () =>
        plugin(`/drafts/${draft.id}/redraft`, { method: "POST", body: { note: "mention the fee" } });
      const [first, second] = await Promise.all([redraft(), redraft()]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      expect(await (await jsonCall(p, `/api/v1/drafts/${draft.id}`)).json()).toMatchObject({
        status: "superseded",
        reason: "new draft requested: mention the fee",
        decidedVia: "front",
      });
      const db = p.runtime.database;
      const queued = (await db.q.select().from(db.t.outbox)).filter(
        (e) => e.name === "support/draft.requested" && JSON.stringify(e.payload).includes(draft.id),
      );
      expect(queued).toHaveLength(1);
      expect(queued[0]?.payload).toMatchObject({ messageId: `${messageId}_3`, replacesDraftId: draft.id, attempt: 1 });
    });

    it("never shows another organization's conversation with the same Front id", async () => {
      const other = await initProduct(p.runtime.platform, { name: `Other ${suffix}`, org: `Other ${suffix}` });
      const otherKey = other.apiKey?.token ?? "";
      const channel = await jsonCall(p, `/api/v1/apps/${other.app.id}/channels/front`, {
        method: "PUT",
        body: { secrets: { appSecret: "other-secret" } },
        key: otherKey,
      });
      expect(channel.status).toBe(200);
      const raw = JSON.stringify(
        frontInbound({ eventId: "evt_other1", messageId: "msg_other1", conversationId: "cnv_plugin1", blurb: "Other" }),
      );
      expect((await post(p, `/webhooks/front/${other.app.id}`, raw, frontSign("other-secret", raw))).status).toBe(200);
      const found = await (await plugin("/conversations/cnv_plugin1")).json();
      expect(found.conversations.map((c: { conversation: { appId: string } }) => c.conversation.appId)).toEqual([
        p.appId,
      ]);
    });
  });
}
