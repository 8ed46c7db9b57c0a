import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { approveProcedureMessage } from "./procedure-approval.js";

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The second procedure, a shop's return authorisation on the built-in `order_shipping`
 * category, runs with no code of its own; without a task tool its task lands in the product's
 * own list.
 */
for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] return authorisation on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`return authorisation end to end on ${dialect.name}`, () => {
    let p: TestProduct;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Shop", { pipeline: true });
      const saved = await jsonCall(p, `/api/v1/apps/${p.appId}/procedures`, {
        method: "POST",
        body: { template: "return-authorisation" },
      });
      expect(saved.status).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
    });

    const email = async (text: string, extra: Record<string, unknown> = {}) => {
      const messageId = `<r${Math.random().toString(36).slice(2)}@mail.example.com>`;
      const raw = JSON.stringify({ from: "Eve <eve@example.com>", subject: "My order", text, messageId, ...extra });
      const res = await p.api.request(`/webhooks/email/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
      return messageId;
    };
    const runOf = (steps: number) =>
      waitFor(async () => {
        const list = await (await jsonCall(p, "/api/v1/conversations?channel=email")).json();
        const id = list.data[0]?.id;
        if (!id) return undefined;
        const d = await (await jsonCall(p, `/api/v1/conversations/${id}`)).json();
        const run = d.procedureRuns[0];
        return run && run.steps.length >= steps && run.state !== "running" ? { d, run } : undefined;
      }, `the run to take ${steps} steps`);

    it("authorises a damaged item's return at no fee, creates the warehouse task in the product's list, and closes it", async () => {
      const first = await email("Hello, my order arrived damaged and broken. Where do I return the parcel?", {
        attachments: [{ filename: "box.jpg", contentType: "image/jpeg" }],
      });
      const quoted = await runOf(4);
      expect(quoted.run.procedureKey).toBe("return-authorisation");
      expect(quoted.d.messages.at(-1).text).toContain("The return costs 0 euros (no fee: damaged on arrival)");

      await email("Yes please, go ahead", { inReplyTo: first, references: first });
      await approveProcedureMessage(p, quoted.d.id);
      const done = await runOf(9);
      expect(done.run.state).toBe("finished");
      expect(done.d.procedureStatus).toBe("validated");
      expect(done.d.messages.at(-1).text).toContain("Your return is authorised");
      const [task] = done.run.tasks;
      expect(task).toMatchObject({ provider: "embedded", url: null });

      const agentKey = await apiKeyFor(p.runtime, p.orgId, "agent", "agent");
      const tasks = await (await jsonCall(p, `/api/v1/tasks?app=${p.appId}&status=open`, { key: agentKey })).json();
      expect(tasks.data).toEqual([
        expect.objectContaining({ id: task.id, title: "Return eve@example.com", provider: "embedded", status: "open" }),
      ]);
      expect(tasks.data[0].description).toContain("reason: damaged");
      const closed = await jsonCall(p, `/api/v1/tasks/${task.id}`, {
        method: "PATCH",
        key: agentKey,
        body: { status: "closed" },
      });
      expect(closed.status).toBe(200);
      expect(await closed.json()).toMatchObject({ status: "closed", closedAt: expect.any(String) });
      const open = await (await jsonCall(p, "/api/v1/tasks?status=open")).json();
      expect(open.data).toEqual([]);
      const bad = await jsonCall(p, `/api/v1/tasks/${task.id}`, { method: "PATCH", body: { status: "done" } });
      expect(bad.status).toBe(400);
      expect(
        (await jsonCall(p, "/api/v1/tasks/tsk_missing", { method: "PATCH", body: { status: "closed" } })).status,
      ).toBe(404);
      const doc = await (await p.api.request("/openapi.json")).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(["/api/v1/tasks", "/api/v1/tasks/{id}", "/api/v1/apps/{app}/tasks/clickup"]),
      );
    }, 120_000);
  });
}
