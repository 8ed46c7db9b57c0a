import { mailsTo } from "@support/product/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/**
 * A procedure's "tell the team" step (ADR 0112): the notification and the email to the address
 * the definition names, in the procedure's language, with a classification alert when the form
 * declared another source than the category triage picked (in the audit log too).
 */

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, tries = 1200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const TEAM = "team@studio.example.com";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] procedure team mail on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`a procedure tells the team on ${dialect.name}`, () => {
    let p: TestProduct;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Team Studio", { pipeline: true });
      const installed = await jsonCall(p, `/api/v1/apps/${p.appId}/procedures`, {
        method: "POST",
        body: { template: "3d-intake" },
      });
      const definition = (await installed.json()).definition;
      definition.templates.intake_alert = {
        fr: "Nouvelle demande de {{customer.email}}.",
        en: "New request from {{customer.email}}.",
      };
      definition.steps = [
        { id: "extract", kind: "extract" },
        { id: "tell_admin", kind: "notify", template: "intake_alert", email: TEAM, next: "end" },
      ];
      const saved = await jsonCall(p, `/api/v1/apps/${p.appId}/procedures`, { method: "POST", body: { definition } });
      expect(saved.status).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
    });

    const submit = (fields: Record<string, string>) =>
      p.api.request(`/public/${p.appId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      });
    const finishedRun = (address: string) =>
      waitFor(async () => {
        const list = await (await jsonCall(p, "/api/v1/conversations?channel=web&limit=100")).json();
        for (const c of list.data as { id: string }[]) {
          const d = await (await jsonCall(p, `/api/v1/conversations/${c.id}`)).json();
          if (d.contact?.email === address && d.procedureRuns[0]?.state === "finished") return d;
        }
        return undefined;
      }, `the run of ${address}`);

    it("mails the team in French and alerts when the form declared another source", async () => {
      const res = await submit({
        email: "zoe@example.com",
        message: "Bonjour, je voudrais modéliser une chaise pour mon salon.",
        category: "SUPPORT",
      });
      expect(res.status).toBe(201);
      const detail = await finishedRun("zoe@example.com");
      expect(detail.messages[0].metadata).toMatchObject({ source: "SUPPORT" });
      const notify = detail.procedureRuns[0].steps.find((s: { step: string }) => s.step === "tell_admin");
      expect(notify.output).toMatchObject({
        mailed: true,
        override: true,
        sourceOverride: { declared: "SUPPORT", category: "MODELISATION" },
      });

      const mails = await mailsTo(p.runtime, TEAM);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ kind: "procedure", orgId: p.orgId });
      expect(mails[0]?.subject).toBe("[Alerte classification] 3D modelling request : zoe@example.com");
      expect(mails[0]?.text).toContain("le formulaire indiquait « SUPPORT »");
      expect(mails[0]?.text).toContain("Nouvelle demande de zoe@example.com.");

      const notifications = await (await jsonCall(p, "/api/v1/notifications")).json();
      const notification = notifications.data.find(
        (n: { kind: string; conversationId: string }) => n.kind === "procedure" && n.conversationId === detail.id,
      );
      expect(notification.reason).toMatch(/^Alert: classified as MODELISATION although the form declared SUPPORT/);
      const audit = await (await jsonCall(p, "/api/v1/audit?limit=100")).json();
      expect(audit.data).toContainEqual(
        expect.objectContaining({
          action: "procedure.source_overridden",
          data: expect.objectContaining({ declared: "SUPPORT", category: "MODELISATION" }),
        }),
      );
      // The admin sees it in the sandbox outbox's mail view.
      const mailbox = await (await jsonCall(p, "/api/v1/outbox/mails")).json();
      expect(mailbox.data.map((m: { kind: string }) => m.kind)).toContain("procedure");
    }, 120_000);

    it("says nothing of an override when the form's source is the category triage picked", async () => {
      await submit({
        email: "yan@example.com",
        message: "Je voudrais modéliser une lampe, fichier .stl à venir.",
        source: "modelisation",
      });
      const detail = await finishedRun("yan@example.com");
      const notify = detail.procedureRuns[0].steps.find((s: { step: string }) => s.step === "tell_admin");
      expect(notify.output).toMatchObject({ mailed: true, override: false });
      const mails = await mailsTo(p.runtime, TEAM);
      const mine = mails.filter((m) => m.text.includes("yan@example.com"));
      expect(mine).toHaveLength(1);
      expect(mine[0]?.subject).toBe("3D modelling request : yan@example.com");
      expect(mine[0]?.text).not.toContain("ALERTE");
    }, 120_000);

    it("serves the contact page with the source a link declared", async () => {
      const html = await (await p.api.request(`/support/${p.appId}?source=MODELISATION`)).text();
      expect(html).toContain('<input type="hidden" name="source" value="MODELISATION" />');
    });
  });
}
