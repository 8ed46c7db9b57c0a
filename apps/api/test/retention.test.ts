import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { DraftView } from "@support/contract";
import { sweepDrafts } from "@support/core";
import { createSampleApp } from "@support/example-sample-app";
import { seededStore } from "@support/example-sample-app/store";
import { backdate, workflowStepsOf } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const SECRET = "whsec_sample_app_retention";
const DAY = 86_400_000;

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function startSampleApp() {
  const app = createSampleApp({ store: seededStore(), secrets: [SECRET] });
  return new Promise<{ url: string; close: () => void }>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}/support`, close: () => server.close() }),
    );
  });
}

/** Ada writes through the generic webhook; resolves with the draft the pipeline made of it. */
async function customerWrites(p: TestProduct, id: string, text: string): Promise<DraftView> {
  const drafts = async () => (await (await jsonCall(p, "/api/v1/drafts")).json()).data as DraftView[];
  const earlier = new Set((await drafts()).map((d) => d.id));
  const raw = JSON.stringify({
    type: "message.received",
    id,
    customer: { email: "ada@example.com" },
    message: { text },
  });
  const inbound = await p.api.request(`/webhooks/generic/${p.appId}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [p.signingSecret]) },
    body: raw,
  });
  expect(inbound.status).toBe(200);
  const listed = await waitFor(async () => (await drafts()).find((d) => !earlier.has(d.id)), "the draft");
  return (await jsonCall(p, `/api/v1/drafts/${listed.id}`)).json();
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] personal data retention on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`personal data retention on ${dialect.name}`, () => {
    let p: TestProduct;
    let sample: Awaited<ReturnType<typeof startSampleApp>>;
    beforeAll(async () => {
      sample = await startSampleApp();
      p = await openTestProduct(dialect.env, "Retention", { pipeline: true });
      const integration = await jsonCall(p, `/api/v1/apps/${p.appId}/integration`, {
        method: "PUT",
        body: { url: sample.url, secret: SECRET },
      });
      expect(integration.status).toBe(200);
    });
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
      sample.close();
    });

    const stepsOfOrg = () => workflowStepsOf(p.runtime, p.orgId);

    it("drops the product app's data from drafts, executions and workflow steps after RETENTION_DAYS, and only then", async () => {
      const old = await customerWrites(p, "retention-old", "I would like a refund for the TypeScript course please.");
      expect(old.customer).toMatchObject({ user: { id: "usr_ada", email: "ada@example.com" } });
      expect(old.actions).toEqual([expect.objectContaining({ action: "refund", input: expect.any(Object) })]);
      expect(
        (
          await jsonCall(p, `/api/v1/drafts/${old.id}/approve`, {
            method: "POST",
            body: { text: "Your course is refunded.", actions: old.actions.map((a: { id: string }) => a.id) },
          })
        ).status,
      ).toBe(200);
      const sent = await waitFor(async () => {
        const d = await (await jsonCall(p, `/api/v1/drafts/${old.id}`)).json();
        return d.status === "sent" && d.executions[0]?.status === "succeeded" ? d : undefined;
      }, "the approved draft sent with its refund");
      expect(sent.executions[0].input).toMatchObject({ purchaseId: "pur_course" });
      expect((await stepsOfOrg()).some((s) => s.name === "gather")).toBe(true);

      // Everything of this organization so far happened 100 days ago.
      const finishedRuns = await backdate(p.runtime, p.orgId, new Date(Date.now() - 100 * DAY));
      const oldSteps = (await stepsOfOrg()).filter((s) => finishedRuns.includes(s.runId)).map((s) => s.id);
      expect(oldSteps.length).toBeGreaterThan(0);

      const recent = await customerWrites(p, "retention-new", "How do I reset my password?");
      expect(recent.customer).toMatchObject({ user: { id: "usr_ada" } });

      const report = await sweepDrafts(p.runtime.platform, { retentionDays: 90 });
      expect(report.purgedCustomerData).toBeGreaterThanOrEqual(1);
      expect(report.purgedActionData).toBeGreaterThanOrEqual(1);
      expect(report.purgedRunSteps).toBeGreaterThanOrEqual(oldSteps.length);

      const purged = await (await jsonCall(p, `/api/v1/drafts/${old.id}`)).json();
      expect(purged.customer).toBeNull();
      // What was proposed and approved stays; the purchase, amount and reason go.
      expect(purged.actions).toEqual([
        { id: "a1", action: "refund", risk: "approval_required", autoApprovable: false, via: "app", approved: true },
      ]);
      expect(purged.executions).toEqual([
        expect.objectContaining({ action: "refund", status: "succeeded", input: { purged: true }, result: null }),
      ]);
      expect(purged.sentText).toBe(sent.sentText);
      expect(JSON.stringify(purged)).not.toContain("pur_course");
      const remaining = (await stepsOfOrg()).map((s) => s.id);
      expect(remaining.filter((id) => oldSteps.includes(id))).toEqual([]);

      // Younger than the window: untouched, steps included.
      const kept = await (await jsonCall(p, `/api/v1/drafts/${recent.id}`)).json();
      expect(kept.customer).toEqual(recent.customer);
      expect(remaining.length).toBeGreaterThan(0);

      // A second pass finds nothing more of this organization's to drop.
      await sweepDrafts(p.runtime.platform, { retentionDays: 90 });
      expect(await (await jsonCall(p, `/api/v1/drafts/${recent.id}`)).json()).toMatchObject({
        customer: recent.customer,
      });
      // (Workflow runs still going, such as learning the sent reply, may add steps meanwhile.)
      expect((await stepsOfOrg()).map((s) => s.id)).toEqual(expect.arrayContaining(remaining));
    });
  });
}
