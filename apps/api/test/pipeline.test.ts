import { addTextSource, OPERATOR, processSource, sweepDrafts } from "@support/core";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const helpArticle = {
  title: "Resetting your password",
  body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password. We email you a reset link that works for one hour.\n",
};

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] pipeline on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`pipeline end to end on ${dialect.name}`, () => {
    let p: TestProduct;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Acme", { pipeline: true });
      // The real knowledge port: one help article in the app's namespace.
      const operator = p.runtime.contextFor(p.orgId, OPERATOR);
      await processSource(operator, (await addTextSource(operator, { app: p.appId, ...helpArticle })).id);
    });
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
    });

    const send = async (id: string, text: string) => {
      const raw = JSON.stringify({
        type: "message.received",
        id,
        customer: { email: `${id}@example.com`, name: "Ada" },
        message: { text },
      });
      const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
    };
    const draftFor = (
      status: string,
      conversationOf: (d: { text: string; triage: { category: string; needsHuman?: boolean } }) => boolean,
    ) =>
      waitFor(async () => {
        const list = await (await jsonCall(p, `/api/v1/drafts?status=${status}`)).json();
        return list.data.find(conversationOf);
      }, `a ${status} draft`);

    it("signed webhook → cited draft pending approval → approve → the sandbox outbox holds exactly that text → outcome and trust", async () => {
      await send("pw-1", "Hi, how do I reset my password? I forgot it.");
      const draft = await draftFor("pending_approval", (d) => d.text.includes("Forgot password"));
      expect(draft.citations).toEqual([
        expect.objectContaining({ title: expect.stringContaining("Resetting your password") }),
      ]);
      expect(draft.gates.length).toBeGreaterThan(0);
      expect(draft.decision).toMatchObject({ autoSend: false });

      const approved = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: {} });
      expect(approved.status).toBe(200);
      const sent = await waitFor(async () => {
        const d = await (await jsonCall(p, `/api/v1/drafts/${draft.id}`)).json();
        return d.status === "sent" ? d : undefined;
      }, "the draft to be sent");
      expect(sent.deliveryId).toMatch(/^dlv_/);
      const outbox = await (await jsonCall(p, `/api/v1/outbox?app=${p.appId}`)).json();
      expect(outbox.data.map((m: { text: string }) => m.text)).toEqual([draft.text]);

      const again = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: {} });
      expect(again.status).toBe(409);
      const trust = await (await jsonCall(p, `/api/v1/apps/${p.appId}/trust`)).json();
      expect(trust.data).toEqual([{ category: draft.category, score: 1, samples: 1 }]);
      const shadow = await (await jsonCall(p, `/api/v1/apps/${p.appId}/shadow`)).json();
      expect(shadow.data[0]).toMatchObject({ category: draft.category, decided: 1 });
      const detail = await (await jsonCall(p, `/api/v1/conversations/${draft.conversationId}`)).json();
      expect(detail.messages.map((m: { direction: string }) => m.direction)).toEqual(["inbound", "outbound"]);
      // The approved reply is learned as a resolved conversation, with the customer's email redacted.
      const learned = await waitFor(async () => {
        const sources = await (await jsonCall(p, `/api/v1/knowledge/sources?app=${p.appId}`)).json();
        return sources.data.find(
          (s: { kind: string; status: string }) => s.kind === "conversation" && s.status === "ready",
        );
      }, "the resolved conversation to be learned");
      expect(learned.title).toContain("reset my password");
    });

    it("lists the workflow runs; only a failed run can be retried", async () => {
      const runs = await (await jsonCall(p, "/api/v1/runs?status=completed")).json();
      expect(runs.data.map((r: { functionId: string }) => r.functionId)).toEqual(
        expect.arrayContaining(["support-draft-on-message", "support-send-on-approval"]),
      );
      const retry = await jsonCall(p, `/api/v1/runs/${runs.data[0].id}/retry`, { method: "POST" });
      expect(retry.status).toBe(409);
      expect((await jsonCall(p, "/api/v1/runs/run_missing/retry", { method: "POST" })).status).toBe(404);
    });

    it("declines without knowledge, requires a reason to reject, and records the rejection", async () => {
      await send("ship-1", "Where is my parcel? It has been two weeks.");
      const draft = await draftFor("declined", () => true);
      expect(draft.text).toBe("");
      const noText = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: {} });
      expect(noText.status).toBe(400);
      const noReason = await jsonCall(p, `/api/v1/drafts/${draft.id}/reject`, { method: "POST", body: {} });
      expect(noReason.status).toBe(400);
      const rejected = await jsonCall(p, `/api/v1/drafts/${draft.id}/reject`, {
        method: "POST",
        body: { reason: "needs the carrier's tracking" },
      });
      expect(rejected.status).toBe(200);
      expect((await rejected.json()).status).toBe("rejected");
    });

    it("sweeps: one reminder after the SLA, escalation after twice the SLA, expiry, and payload retention", async () => {
      await send("sla-1", "Can I change my invoice address?");
      await send("sla-2", "Do you have a student discount?");
      const open = await waitFor(async () => {
        const list = await (await jsonCall(p, "/api/v1/drafts?status=declined")).json();
        const mine = list.data.filter((d: { text: string; triage: { category: string } }) => d.text === "");
        return mine.length >= 2 ? mine : undefined;
      }, "two declined drafts");
      const hours = (h: number) => new Date(Date.now() + h * 3_600_000);
      const platform = p.runtime.platform;
      expect((await sweepDrafts(platform, { now: hours(5), retentionDays: 90 })).reminded).toBeGreaterThanOrEqual(2);
      expect((await sweepDrafts(platform, { now: hours(5), retentionDays: 90 })).reminded).toBe(0);
      const escalated = await sweepDrafts(platform, { now: hours(9), retentionDays: 90 });
      expect(escalated.escalated).toBeGreaterThanOrEqual(2);
      const after = await (await jsonCall(p, `/api/v1/drafts/${open[0].id}`)).json();
      expect(after).toMatchObject({ status: "escalated", decidedBy: "sla" });

      await send("sla-3", "Is there a mobile app?");
      const fresh = await draftFor("declined", (d) => d.text === "");
      const expired = await sweepDrafts(platform, { now: hours(73), retentionDays: 90 });
      expect(expired.expired).toBeGreaterThanOrEqual(1);
      expect((await (await jsonCall(p, `/api/v1/drafts/${fresh.id}`)).json()).status).toBe("expired");
      const purged = await sweepDrafts(platform, { now: hours(24 * 91), retentionDays: 90 });
      expect(purged.purgedPayloads).toBeGreaterThan(0);
    });

    it("an agent replays a conversation over the API: each drafting step, nothing stored or sent", async () => {
      await send("replay-1", "How do I reset my password? The link does not arrive.");
      const draft = await draftFor("pending_approval", (d) => d.text.includes("Forgot password"));
      const agent = await apiKeyFor(p.runtime, p.orgId, "agent");
      const before = (await (await jsonCall(p, "/api/v1/drafts?limit=100")).json()).data.length;
      const res = await jsonCall(p, `/api/v1/conversations/${draft.conversationId}/replay`, {
        method: "POST",
        key: agent,
      });
      expect(res.status).toBe(200);
      const replay = await res.json();
      expect(replay).toMatchObject({
        conversationId: draft.conversationId,
        messageId: draft.messageId,
        outcome: "planned",
        status: "pending_approval",
        reason: null,
      });
      expect(replay.steps.map((s: { step: string }) => s.step)).toContain("retrieve");
      expect((await (await jsonCall(p, "/api/v1/drafts?limit=100")).json()).data.length).toBe(before);
      const missing = await jsonCall(p, "/api/v1/conversations/cnv_missing/replay", { method: "POST", key: agent });
      expect(missing.status).toBe(404);
    });

    it("escalates a customer who asks for a person, in French too", async () => {
      await send("human-1", "Je veux parler à un humain, s'il vous plaît.");
      const draft = await draftFor("escalated", (d) => d.triage.needsHuman === true);
      expect(draft.triage).toMatchObject({ needsHuman: true });
      const conversation = await (await jsonCall(p, `/api/v1/conversations/${draft.conversationId}`)).json();
      expect(conversation.id).toBe(draft.conversationId);
    });
  });
}
