import { createProcedureTask, OPERATOR } from "@support/core";
import { forgetTaskAnswer } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeHubSpot } from "./fake-hubspot.js";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { approveProcedureMessage } from "./procedure-approval.js";

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, tries = 1200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const TOKEN = "pat-na1-test-token";

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] HubSpot tasks on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`procedure tasks as HubSpot tickets on ${dialect.name}`, () => {
    let p: TestProduct;
    let hubspot: Awaited<ReturnType<typeof startFakeHubSpot>>;
    beforeAll(async () => {
      hubspot = await startFakeHubSpot(TOKEN);
      p = await openTestProduct(dialect.env, "Studio", { pipeline: true });
      const template = await jsonCall(p, `/api/v1/apps/${p.appId}/procedures`, {
        method: "POST",
        body: { template: "3d-intake" },
      });
      expect(template.status).toBe(201);
      const connected = await jsonCall(p, `/api/v1/apps/${p.appId}/tasks/hubspot`, {
        method: "PUT",
        body: { token: TOKEN, apiUrl: hubspot.url },
      });
      expect(connected.status).toBe(200);
      expect(await connected.json()).toMatchObject({ provider: "hubspot", listId: "0", parentTaskId: "1" });
    }, 120_000);
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
      await hubspot.close();
    });

    let mailCount = 0;
    const email = async (from: string, text: string, options: { thread?: string; attachment?: string } = {}) => {
      const messageId = `<h${++mailCount}-${Date.now()}@mail.example.com>`;
      const raw = JSON.stringify({
        from,
        to: "studio@example.com",
        subject: options.thread ? "Re: Modélisation" : "Modélisation",
        text,
        messageId,
        ...(options.thread ? { inReplyTo: options.thread, references: options.thread } : {}),
        ...(options.attachment ? { attachments: [{ filename: options.attachment, contentType: "image/jpeg" }] } : {}),
      });
      const res = await p.api.request(`/webhooks/email/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
      return messageId;
    };
    const detail = async (id: string) => (await jsonCall(p, `/api/v1/conversations/${id}`)).json();
    const conversationOf = (address: string) =>
      waitFor(async () => {
        const list = await (await jsonCall(p, "/api/v1/conversations?channel=email&limit=100")).json();
        for (const c of list.data as { id: string }[]) {
          const d = await detail(c.id);
          if (d.contact?.email === address) return d.id as string;
        }
        return undefined;
      }, `the conversation of ${address}`);

    /** The run's wait is registered: a reply sent now reaches it. */
    const waitRegistered = async () => {
      const { db } = p.runtime.database;
      const waits = await db.q.select().from(db.t.engineWaits);
      const runs = await db.q.select().from(db.t.engineRuns);
      const open = runs.filter((r) => r.functionId.endsWith("run-procedure") && r.status === "running");
      return open.every((r) => waits.some((w) => w.runId === r.id && w.kind === "event" && !w.resolvedAt));
    };

    it("stores the token encrypted and never returns it", async () => {
      const { db } = p.runtime.database;
      const [row] = await db.q.select().from(db.t.taskConnections);
      expect(row?.provider).toBe("hubspot");
      expect(row?.tokenCiphertext).not.toContain(TOKEN);
      const shown = await (await jsonCall(p, `/api/v1/apps/${p.appId}/tasks/clickup`)).json();
      expect(JSON.stringify(shown)).not.toContain(TOKEN);
    });

    it("on acceptance upserts the contact, opens one ticket and writes a note per message, through the SDK", async () => {
      const first = await email(
        "Ada Lovelace <ada@example.com>",
        "Bonjour, je voudrais modéliser une chaise de 120x60x45cm, photo jointe.",
        { attachment: "chaise.jpg" },
      );
      const id = await conversationOf("ada@example.com");
      await waitFor(
        async () => ((await detail(id)).procedureStatus === "quoted" && (await waitRegistered()) ? true : undefined),
        "the quote",
      );
      await email("ada@example.com", "Parfait, je valide", { thread: first });
      // The confirmation waits for a person under the default autonomy (ADR 0113).
      await approveProcedureMessage(p, id);
      const done = await waitFor(async () => {
        const d = await detail(id);
        return ["running", "waiting"].includes(d.procedureRuns[0]?.state) ? undefined : d;
      }, "the run to finish");
      expect(done.procedureRuns[0].steps.map((s: { step: string }) => s.step)).toContain("task");
      expect(done.procedureRuns[0].state).toBe("finished");

      const upserts = hubspot.calls.filter((c) => c.path === "/crm/v3/objects/contacts/batch/upsert");
      expect(upserts).toHaveLength(1);
      expect(upserts[0]?.authorization).toBe(`Bearer ${TOKEN}`);
      expect(upserts[0]?.body).toEqual({
        inputs: [
          {
            idProperty: "email",
            id: "ada@example.com",
            properties: { email: "ada@example.com", firstname: "Ada", lastname: "Lovelace" },
          },
        ],
      });
      const contact = hubspot.store.contacts[0];
      expect(hubspot.ticketsCreated()).toHaveLength(1);
      const ticket = hubspot.store.tickets[0];
      expect(ticket?.properties).toMatchObject({
        subject: "Demande ada@example.com",
        hs_pipeline: "0",
        hs_pipeline_stage: "1",
      });
      expect(ticket?.associations).toEqual([
        { to: { id: contact?.id }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 16 }] },
      ]);
      // One note per message the conversation had when the task was made, each on the ticket and the contact.
      const notes = hubspot.store.notes;
      expect(notes.length).toBeGreaterThanOrEqual(3);
      expect(new Set(notes.map((n) => n.properties.hs_note_body)).size).toBe(notes.length);
      expect(notes.map((n) => n.properties.hs_note_body).join("\n")).toContain("Parfait, je valide");
      for (const note of notes) {
        expect(note.associations.map((a) => [a.to.id, a.types[0]?.associationTypeId])).toEqual([
          [ticket?.id, 228],
          [contact?.id, 202],
        ]);
      }
      expect(done.procedureRuns[0].tasks).toEqual([expect.objectContaining({ provider: "hubspot" })]);
      const tasks = await (await jsonCall(p, `/api/v1/tasks?conversation=${id}`)).json();
      expect(tasks.data).toEqual([expect.objectContaining({ provider: "hubspot", externalId: ticket?.id })]);

      // A later message of the conversation becomes one more note on the ticket, once.
      const before = hubspot.notesCreated().length;
      await email("ada@example.com", "Une dernière précision : la chaise est en chêne.", { thread: first });
      const added = await waitFor(async () => {
        const note = hubspot.store.notes.find((n) => n.properties.hs_note_body?.includes("en chêne"));
        return note;
      }, "the note of the later message");
      expect(added.associations[0]).toEqual({
        to: { id: ticket?.id },
        types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 228 }],
      });
      await new Promise((r) => setTimeout(r, 1000));
      expect(hubspot.notesCreated().length).toBe(before + 1);
    }, 180_000);

    it("exactly once: a second call finds the record; a killed attempt's ticket and notes are found, not made again", async () => {
      const ctx = p.runtime.contextFor(p.orgId, OPERATOR);
      const id = await conversationOf("ada@example.com");
      const input = {
        appId: p.appId,
        conversationId: id,
        runId: "prn_x",
        key: "hubspot:1",
        title: "T",
        description: "d",
      };
      const tickets = hubspot.ticketsCreated().length;
      const notes = hubspot.notesCreated().length;
      const a = await createProcedureTask(ctx, input);
      const made = hubspot.notesCreated().length - notes;
      expect(made).toBeGreaterThanOrEqual(3);
      const b = await createProcedureTask(ctx, input);
      expect(b.id).toBe(a.id);
      expect(hubspot.ticketsCreated().length).toBe(tickets + 1);
      // The process died after HubSpot answered, before the answer was recorded: the record stays `creating`.
      await forgetTaskAnswer(p.runtime, p.orgId, a.id);
      // ... and before its last note: that one is missing in HubSpot.
      hubspot.store.notes.pop();
      const recovered = await createProcedureTask(ctx, input);
      expect(recovered).toMatchObject({ id: a.id, status: "open", externalId: a.externalId });
      expect(hubspot.ticketsCreated().length).toBe(tickets + 1);
      expect(hubspot.notesCreated().length - notes).toBe(made + 1);
    }, 60_000);

    it("a wrong token fails the call with HubSpot's status, without the token in the error", async () => {
      const ctx = p.runtime.contextFor(p.orgId, OPERATOR);
      const id = await conversationOf("ada@example.com");
      await jsonCall(p, `/api/v1/apps/${p.appId}/tasks/hubspot`, {
        method: "PUT",
        body: { token: "pat-wrong", apiUrl: hubspot.url },
      });
      const input = {
        appId: p.appId,
        conversationId: id,
        runId: "prn_y",
        key: "hubspot:2",
        title: "T",
        description: "d",
      };
      const error = await createProcedureTask(ctx, input).catch((e: Error) => e);
      expect(String(error)).toMatch(/HubSpot contact upsert answered 401 INVALID_AUTHENTICATION/);
      expect(String(error)).not.toContain("pat-wrong");
    }, 60_000);
  });
}
