import { createProcedureTask, emit, OPERATOR } from "@support/core";
import { reachOpenWaits } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeClickUp } from "./fake-clickup.js";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { approveProcedureMessage } from "./procedure-approval.js";

/** Polls until `probe` answers something (the background pipeline runs on its own schedule). */
async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, tries = 600): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Run = { state: string; procedureVersion: number; steps: { step: string; output: Record<string, unknown> }[] };

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] procedure runs on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`procedure runs end to end on ${dialect.name}`, () => {
    let p: TestProduct;
    let clickup: Awaited<ReturnType<typeof startFakeClickUp>>;
    beforeAll(async () => {
      clickup = await startFakeClickUp("pk_test_token");
      p = await openTestProduct(dialect.env, "Studio", { pipeline: true });
      expect(
        (await jsonCall(p, `/api/v1/apps/${p.appId}/procedures`, { method: "POST", body: { template: "3d-intake" } }))
          .status,
      ).toBe(201);
      const connected = await jsonCall(p, `/api/v1/apps/${p.appId}/tasks/clickup`, {
        method: "PUT",
        body: { token: "pk_test_token", listId: "list1", parentTaskId: "parent9", apiUrl: clickup.url },
      });
      expect(connected.status).toBe(200);
      expect(await connected.json()).not.toHaveProperty("token");
    }, 60_000);
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
      await clickup.close();
    });

    let mailCount = 0;
    /** A signed inbound email, threaded onto `thread` (the first message's id) when given. */
    const email = async (
      from: string,
      text: string,
      options: { thread?: string; attachments?: { filename: string; contentType: string }[] } = {},
    ) => {
      const messageId = `<m${++mailCount}-${Date.now()}@mail.example.com>`;
      const raw = JSON.stringify({
        from,
        to: "studio@example.com",
        subject: options.thread ? "Re: Modélisation" : "Modélisation",
        text,
        messageId,
        ...(options.thread ? { inReplyTo: options.thread, references: options.thread } : {}),
        ...(options.attachments ? { attachments: options.attachments } : {}),
      });
      const res = await p.api.request(`/webhooks/email/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
      return messageId;
    };
    const conversationOf = (address: string) =>
      waitFor(async () => {
        const list = await (await jsonCall(p, "/api/v1/conversations?channel=email&limit=100")).json();
        for (const c of list.data as { id: string }[]) {
          const d = await (await jsonCall(p, `/api/v1/conversations/${c.id}`)).json();
          if (d.contact?.email === address) return d.id as string;
        }
        return undefined;
      }, `the conversation of ${address}`);
    const detail = async (id: string) => (await jsonCall(p, `/api/v1/conversations/${id}`)).json();
    /** The run once it waits for the customer (its wait registered) or stopped, with `sent` procedure messages. */
    const settled = (id: string, steps: number) =>
      waitFor(async () => {
        const d = await detail(id);
        const run = d.procedureRuns[0] as Run | undefined;
        if (!run || run.steps.length < steps) return undefined;
        if (run.state === "waiting" && !(await waitRegistered())) return undefined;
        return run.state === "running" ? undefined : { detail: d, run };
      }, `the run of ${id} to take ${steps} steps`);
    const waitRegistered = async () => {
      const { db } = p.runtime.database;
      const waits = await db.q.select().from(db.t.engineWaits);
      const steps = await db.q.select().from(db.t.engineRuns);
      const procedureRuns = steps.filter((r) => r.functionId.endsWith("run-procedure") && r.status === "running");
      return procedureRuns.every((r) => waits.some((w) => w.runId === r.id && w.kind === "event" && !w.resolvedAt));
    };
    const outboundTexts = (d: { messages: { direction: string; text: string }[] }) =>
      d.messages.filter((m) => m.direction === "outbound").map((m) => m.text);

    it("asks for what is missing, quotes in credits, and on acceptance creates one ClickUp subtask, confirms and notifies", async () => {
      const first = await email("Ada <ada@example.com>", "Bonjour, je voudrais modéliser une chaise.");
      const id = await conversationOf("ada@example.com");
      const asked = await settled(id, 2);
      expect(asked.detail.procedureStatus).toBe("awaiting_information");
      expect(outboundTexts(asked.detail)).toEqual([
        expect.stringContaining("une photo de l'objet ou un plan de l'objet et ses dimensions"),
      ]);
      expect(asked.run.procedureVersion).toBe(1);

      // A new version while the run is under way: the run keeps the one it started with.
      const v1 = await (await jsonCall(p, `/api/v1/apps/${p.appId}/procedures/3d-intake`)).json();
      const edited = structuredClone(v1.definition);
      edited.templates.quote.fr = "Version deux : {{quote.amount}} {{quote.unit}}.";
      const saved = await jsonCall(p, `/api/v1/apps/${p.appId}/procedures`, {
        method: "POST",
        body: { definition: edited },
      });
      expect((await saved.json()).version).toBe(2);

      await email("ada@example.com", "Voici la photo. Elle mesure 1,20 m x 60 cm x 45 cm.", {
        thread: first,
        attachments: [{ filename: "chaise.jpg", contentType: "image/jpeg" }],
      });
      const quoted = await settled(id, 7);
      expect(quoted.detail.procedureStatus).toBe("quoted");
      const quote = outboundTexts(quoted.detail).at(-1);
      expect(quote).toContain("1,20 m x 60 cm x 45 cm");
      expect(quote).toContain("coûte 1 crédit");
      expect(quote).not.toContain("Version deux");
      expect(quoted.run.procedureVersion).toBe(1);

      await email("ada@example.com", "Parfait, je valide", { thread: first });
      // The default autonomy (suggest) sends no procedure message without a person's approval.
      const confirmation = await approveProcedureMessage(p, id);
      const done = await settled(id, 13);
      expect(done.run.state).toBe("finished");
      expect(done.detail.procedureStatus).toBe("validated");
      expect(outboundTexts(done.detail).at(-1)).toContain("votre devis est validé");
      expect(clickup.created()).toHaveLength(1);
      expect(clickup.created()[0]).toMatchObject({
        path: "/api/v2/list/list1/task",
        authorization: "pk_test_token",
        body: { name: "Demande ada@example.com", parent: "parent9" },
      });
      const runView = done.detail.procedureRuns[0];
      expect(runView.tasks).toEqual([
        expect.objectContaining({ provider: "clickup", url: "https://app.clickup.com/t/cu1" }),
      ]);
      expect(runView.extracted.dimensions.value.centimetres).toEqual([120, 60, 45]);
      expect(runView.quote).toMatchObject({ kind: "priced", amount: 1 });
      const notifications = await (await jsonCall(p, "/api/v1/notifications")).json();
      expect(notifications.data).toContainEqual(
        expect.objectContaining({
          kind: "procedure",
          conversationId: id,
          reason: expect.stringContaining("ada@example.com"),
        }),
      );
      const audit = await (await jsonCall(p, "/api/v1/audit?limit=100")).json();
      expect(audit.data.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining(["procedure.run_started", "procedure.step", "task.created"]),
      );
      // The only draft is the procedure's confirmation, sent once approved: the run answered the rest.
      const drafts = await (await jsonCall(p, "/api/v1/drafts?limit=100")).json();
      expect(drafts.data.filter((d: { conversationId: string }) => d.conversationId === id)).toEqual([
        expect.objectContaining({ id: confirmation.id, status: "sent", decidedVia: "api" }),
      ]);
    }, 120_000);

    it("closes a refused quote as refused, and the list filters on it", async () => {
      const first = await email(
        "Bo <bo@example.com>",
        "Je voudrais modéliser une table de 120x60x45cm, photo jointe.",
        {
          attachments: [{ filename: "table.png", contentType: "image/png" }],
        },
      );
      const id = await conversationOf("bo@example.com");
      await settled(id, 5);
      await email("bo@example.com", "Trop cher, j'annule.", { thread: first });
      const done = await settled(id, 7);
      expect(done.run.state).toBe("finished");
      expect(done.detail.procedureStatus).toBe("refused");
      const refused = await (await jsonCall(p, "/api/v1/conversations?status=refused")).json();
      expect(refused.data.map((c: { id: string }) => c.id)).toEqual([id]);
      expect(clickup.created()).toHaveLength(1);
    }, 120_000);

    it("routes a question about the quote to a person", async () => {
      const first = await email("Cy <cy@example.com>", "Je voudrais modéliser un vase de 30 x 20 cm.", {
        attachments: [{ filename: "vase.jpg", contentType: "image/jpeg" }],
      });
      const id = await conversationOf("cy@example.com");
      await settled(id, 5);
      await email("cy@example.com", "Combien de temps faut-il pour la livraison ?", { thread: first });
      const done = await settled(id, 7);
      expect(done.run.state).toBe("handed_off");
      expect(done.detail.status).toBe("escalated");
      expect(done.run.steps.at(-1)?.output.handoff).toBe("the customer has a question about the quote");
    }, 120_000);

    it("a redelivered start replays the finished run: no second subtask, no second message", async () => {
      const id = await conversationOf("ada@example.com");
      const before = await detail(id);
      // The replies went to the run: none started a second run (the subject names a signal of MODELISATION).
      expect(before.procedureRuns).toHaveLength(1);
      const run = before.procedureRuns[0];
      await p.runtime.database.transaction((tx) =>
        emit(tx, "support/procedure.started", {
          v: 1,
          orgId: p.orgId,
          appId: p.appId,
          conversationId: id,
          runId: run.id,
        }),
      );
      p.runtime.platform.ports.wake();
      await waitFor(async () => {
        const runs = await (await jsonCall(p, "/api/v1/runs?status=completed&limit=100")).json();
        const replays = runs.data.filter((r: { functionId: string }) => r.functionId.endsWith("run-procedure"));
        return replays.length >= 4 ? replays : undefined;
      }, "the redelivered run to complete");
      const after = await detail(id);
      expect(after.procedureRuns[0].steps).toEqual(run.steps);
      expect(outboundTexts(after)).toEqual(outboundTexts(before));
      expect(clickup.created()).toHaveLength(1);
    }, 120_000);

    it("reminds a silent customer once, then hands the conversation to a person", async () => {
      await email("Di <di@example.com>", "Bonjour, je voudrais modéliser une lampe.");
      const id = await conversationOf("di@example.com");
      await settled(id, 2);
      await reachOpenWaits(p.runtime, p.orgId);
      const reminded = await waitFor(async () => {
        const d = await detail(id);
        return outboundTexts(d).length === 2 && (await waitRegistered()) ? d : undefined;
      }, "the reminder");
      expect(outboundTexts(reminded).at(-1)).toContain("Nous n'avons pas encore reçu");
      await reachOpenWaits(p.runtime, p.orgId);
      const done = await settled(id, 4);
      expect(done.run.state).toBe("handed_off");
      expect(done.run.steps.at(-1)?.output.handoff).toBe("no answer from the customer within 72 hours");
      expect(done.detail.status).toBe("escalated");
      // The hand-off tells the customer a person will answer (the escalation's notice), once.
      const told = await waitFor(async () => {
        const texts = outboundTexts(await detail(id));
        return texts.length >= 3 ? texts : undefined;
      }, "the hand-off notice");
      expect(told).toHaveLength(3);
      expect(told.at(-1)).toMatch(/une personne/i);
    }, 120_000);

    it("creates a task once per key", async () => {
      const ctx = p.runtime.contextFor(p.orgId, OPERATOR);
      const id = await conversationOf("ada@example.com");
      const before = clickup.created().length;
      const input = {
        appId: p.appId,
        conversationId: id,
        runId: "prn_x",
        key: "t:1",
        title: "Demande",
        description: "d",
      };
      const a = await createProcedureTask(ctx, input);
      const b = await createProcedureTask(ctx, input);
      expect(b.id).toBe(a.id);
      expect(clickup.created().length).toBe(before + 1);
      // A kill between ClickUp's answer and its record: procedure-kill.test.ts, on a real process.
    });
  });
}
