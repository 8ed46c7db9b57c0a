import { eventually, findInDatabase } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const EMAIL = "zoe.rakoto@example.mg";
const PHONE = "+261340011223";
const TEXT = "My order of the blue raffia basket never arrived in Antsirabe";
const KEPT_TEXT = "Please send me the invoice for my vanilla order";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] customer rights on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`customer export and erasure on ${dialect.name}`, () => {
    let p: TestProduct;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Boutique", { pipeline: true });
    });
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
    });

    const send = async (id: string, customer: object, text: string) => {
      const raw = JSON.stringify({ type: "message.received", id, customer, message: { text } });
      const res = await p.api.request(`/webhooks/generic/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
    };
    it("exports everything held about a customer, then erases it everywhere while other customers stay", async () => {
      await send("keep-1", { email: "kept@example.com" }, KEPT_TEXT);
      await eventually(
        async () => (await (await jsonCall(p, "/api/v1/drafts?limit=100")).json()).data,
        (list: unknown[]) => list.length === 1,
        "the kept customer's draft",
      );
      await send("erase-1", { email: EMAIL, phone: PHONE, name: "Zoe Rakoto" }, TEXT);
      const drafts = await eventually(
        async () => (await (await jsonCall(p, "/api/v1/drafts?limit=100")).json()).data,
        (list: { id: string; conversationId: string }[]) => list.length === 2,
        "the erased customer's draft",
      );
      // Approve the erased customer's draft: a delivery, a sandbox message and learned knowledge follow.
      const exportBefore = await (await jsonCall(p, `/api/v1/contacts/${EMAIL}/export`)).json();
      const target = drafts.find((d) => d.conversationId === exportBefore.conversations[0]?.id);
      if (!target) throw new Error("no draft for the erased customer's conversation");
      const approve = await jsonCall(p, `/api/v1/drafts/${target.id}/approve`, {
        method: "POST",
        body: { text: "Sorry Zoe! Your basket left our workshop today and arrives on Friday." },
      });
      expect(approve.status).toBe(200);
      await eventually(
        async () => (await (await jsonCall(p, "/api/v1/knowledge/sources")).json()).data,
        (list: { kind: string; status: string }[]) =>
          list.some((s) => s.kind === "conversation" && s.status === "ready"),
        "the reply learnt as knowledge",
      );

      const agent = await apiKeyFor(p.runtime, p.orgId, "agent");
      expect((await jsonCall(p, `/api/v1/contacts/${EMAIL}/export`, { key: agent })).status).toBe(403);
      expect((await jsonCall(p, "/api/v1/contacts/nobody@example.com/export")).status).toBe(404);
      const exported = await (await jsonCall(p, `/api/v1/contacts/${encodeURIComponent(PHONE)}/export`)).json();
      expect(exported.contacts).toEqual([expect.objectContaining({ email: EMAIL })]);
      expect(exported.conversations[0].messages.map((m: { text: string }) => m.text)).toContain(TEXT);
      expect(exported.inboundEvents[0].payload).toContain(TEXT);
      expect(exported.drafts).toHaveLength(1);
      expect(exported.deliveries).toHaveLength(1);
      expect(exported.sandboxMessages).toHaveLength(1);
      expect(exported.learnedKnowledge).toHaveLength(1);
      expect(JSON.stringify(exported)).not.toContain(KEPT_TEXT);

      expect(await findInDatabase(p.runtime, [EMAIL])).not.toEqual([]);
      const erased = await jsonCall(p, `/api/v1/contacts/${EMAIL}`, { method: "DELETE" });
      expect(erased.status).toBe(200);
      expect((await erased.json()).erased).toMatchObject({
        contacts: 1,
        conversations: 1,
        messages: 2,
        drafts: 1,
        deliveries: 1,
        learnedKnowledge: 1,
      });
      expect(await findInDatabase(p.runtime, [EMAIL, PHONE.slice(1), TEXT, "Zoe Rakoto"])).toEqual([]);
      expect(await findInDatabase(p.runtime, [KEPT_TEXT])).not.toEqual([]);
      expect((await jsonCall(p, `/api/v1/contacts/${EMAIL}`, { method: "DELETE" })).status).toBe(404);
      const audit = (await (await jsonCall(p, "/api/v1/audit?limit=100")).json()).data;
      expect(audit.filter((a: { action: string }) => a.action === "contact.erased")).toHaveLength(1);
    }, 60_000);
  });
}
