import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { approveProcedureMessage } from "./procedure-approval.js";

/**
 * A procedure's message per the app's autonomy (ADR 0113): a draft waiting for a person under
 * `suggest`, sent at once where the policy allows auto-send for the run's category, always
 * approved first with `approval: always`, and a rejection hands the conversation to a person.
 */

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, tries = 1200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Detail = {
  id: string;
  status: string;
  messages: { direction: string; text: string }[];
  procedureRuns: { state: string; steps: { step: string; output: Record<string, unknown> }[] }[];
};

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] procedure approval on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`procedure messages and autonomy on ${dialect.name}`, () => {
    let p: TestProduct;
    let definition: Record<string, unknown> & { steps: Record<string, unknown>[] };
    const save = async (approval: "policy" | "always") => {
      const steps = definition.steps.map((s) => (s.kind === "message" ? { ...s, approval } : s));
      const saved = await jsonCall(p, `/api/v1/apps/${p.appId}/procedures`, {
        method: "POST",
        body: { definition: { ...definition, steps } },
      });
      expect(saved.status).toBe(201);
    };
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Approval Studio", { pipeline: true });
      const installed = await jsonCall(p, `/api/v1/apps/${p.appId}/procedures`, {
        method: "POST",
        body: { template: "3d-intake" },
      });
      definition = (await installed.json()).definition;
      definition.steps = [
        { id: "extract", kind: "extract" },
        { id: "confirm", kind: "message", template: "confirmation" },
        { id: "validated", kind: "set_status", status: "validated", next: "end" },
      ];
      await save("policy");
    }, 60_000);
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
    });

    let count = 0;
    const request = async (address: string) => {
      const raw = JSON.stringify({
        from: address,
        to: "studio@example.com",
        subject: "Modélisation",
        text: "Bonjour, je voudrais modéliser une chaise.",
        messageId: `<a${++count}-${Date.now()}@mail.example.com>`,
      });
      const res = await p.api.request(`/webhooks/email/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
      return waitFor(async () => {
        const list = await (await jsonCall(p, "/api/v1/conversations?channel=email&limit=100")).json();
        for (const c of list.data as { id: string }[]) {
          const d = await (await jsonCall(p, `/api/v1/conversations/${c.id}`)).json();
          if (d.contact?.email === address) return d.id as string;
        }
        return undefined;
      }, `the conversation of ${address}`);
    };
    const ended = (id: string) =>
      waitFor(async () => {
        const d = (await (await jsonCall(p, `/api/v1/conversations/${id}`)).json()) as Detail;
        const state = d.procedureRuns[0]?.state;
        return state === "finished" || state === "handed_off" ? d : undefined;
      }, `the run of ${id} to end`);
    const draftsOf = async (id: string) =>
      (
        (await (await jsonCall(p, "/api/v1/drafts?limit=100")).json()).data as {
          id: string;
          conversationId: string;
          status: string;
          decidedBy: string | null;
        }[]
      ).filter((d) => d.conversationId === id);
    const confirmations = (d: Detail) =>
      d.messages.filter((m) => m.direction === "outbound" && m.text.includes("votre devis est validé"));

    it("waits for a person under the default autonomy, then sends and goes on", async () => {
      const id = await request("ana@example.com");
      const draft = await approveProcedureMessage(p, id);
      const done = await ended(id);
      expect(done.procedureRuns[0]?.state).toBe("finished");
      expect(confirmations(done)).toHaveLength(1);
      expect(await draftsOf(id)).toEqual([expect.objectContaining({ id: draft.id, status: "sent" })]);
      const decision = done.procedureRuns[0]?.steps.find((s) => s.step === "confirm:decision");
      expect(decision?.output).toMatchObject({ draftId: draft.id, status: "sent" });
    }, 120_000);

    it("hands the conversation to a person when the message is rejected", async () => {
      const id = await request("ben@example.com");
      const draft = await waitFor(
        async () => (await draftsOf(id)).find((d) => d.status === "pending_approval"),
        "the draft",
      );
      const rejected = await jsonCall(p, `/api/v1/drafts/${draft.id}/reject`, {
        method: "POST",
        body: { reason: "not the right moment" },
      });
      expect(rejected.status).toBe(200);
      const done = await ended(id);
      expect(done.procedureRuns[0]?.state).toBe("handed_off");
      expect(done.status).toBe("escalated");
      expect(confirmations(done)).toEqual([]);
      expect(done.procedureRuns[0]?.steps.at(-1)?.output).toMatchObject({ status: "rejected" });
    }, 120_000);

    it("sends at once where the policy allows auto-send for the category, and waits again with approval: always", async () => {
      // The first test's unchanged approval and the second's rejection: trust about 0.5 for
      // MODELISATION, a low-risk category.
      const patched = await jsonCall(p, `/api/v1/apps/${p.appId}`, {
        method: "PATCH",
        body: { settings: { autonomyTier: "auto_send", shadowMode: false, minOutcomes: 2, trustThreshold: 0.4 } },
      });
      expect(patched.status).toBe(200);
      const id = await request("cleo@example.com");
      const done = await ended(id);
      expect(done.procedureRuns[0]?.state).toBe("finished");
      expect(confirmations(done)).toHaveLength(1);
      expect(await draftsOf(id)).toEqual([expect.objectContaining({ status: "auto_sent", decidedBy: "autonomy" })]);

      await save("always");
      const held = await request("dan@example.com");
      const waiting = await waitFor(
        async () => (await draftsOf(held)).find((d) => d.status === "pending_approval"),
        "the draft held for a person",
      );
      expect(waiting.decidedBy).toBeNull();
    }, 120_000);
  });
}
