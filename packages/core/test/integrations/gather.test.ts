import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatherCustomerContext, integrateApp } from "../../src/index.js";
import { openTestTenant, type RunningSampleApp, startSampleApp, type TestTenant, tenantContext } from "./harness.js";

const SECRET = "whsec_gather_secret_0001";
let tenant: TestTenant;
let app: RunningSampleApp;
const deps = () => ({ db: tenant.database.db, secrets: tenant.secrets, timeoutMs: 1_000 });
const integrate = (input: { url: string; secret?: string }) => integrateApp(tenantContext(tenant), tenant.appId, input);
const gather = (contact: { email?: string; phone?: string }, extra: { timeoutMs?: number } = {}) =>
  gatherCustomerContext({ ...deps(), ...extra }, { orgId: tenant.orgId, appId: tenant.appId, contact });

beforeAll(async () => {
  tenant = await openTestTenant();
  app = await startSampleApp([SECRET]);
});
afterAll(async () => {
  await app.close();
  await tenant.database.close();
});

describe("gathering the customer's data from the product app", () => {
  it("gathers nothing, and calls nothing, for an app without an integration", async () => {
    expect(await gather({ email: "ada@example.com" })).toEqual({
      user: null,
      purchases: [],
      subscriptions: [],
      failures: [],
      lines: [],
    });
  });

  it("finds a known customer and turns their purchases into factual lines", async () => {
    await integrate({ url: app.url, secret: SECRET });
    const context = await gather({ email: "ADA@example.com" });
    expect(context.user).toMatchObject({ id: "usr_ada", name: "Ada Lovelace" });
    expect(context.purchases.map((p) => p.id)).toEqual(["pur_course", "pur_ebook"]);
    // The sample app does not implement subscriptions: a 501 is an absence, not a failure.
    expect(context.subscriptions).toEqual([]);
    expect(context.failures).toEqual([]);
    expect(context.lines).toEqual([
      "Customer account usr_ada (Ada Lovelace, ada@example.com).",
      "Purchase pur_course: TypeScript Pro course, 99.00 EUR on 2026-11-10, paid.",
      "Purchase pur_ebook: Testing ebook, 19.00 EUR on 2026-06-01, paid.",
    ]);
    expect((await gather({ phone: "+33600000001" })).user?.id).toBe("usr_ada");
  });

  it("says plainly when the customer has no account, and skips the lookup without a contact", async () => {
    const unknown = await gather({ email: "nobody@example.com" });
    expect(unknown).toMatchObject({ user: null, failures: [], lines: ["The customer has no account in the app."] });
    expect((await gather({})).lines).toEqual([]);
  });

  it("records an unreachable app as a failure for the approver, never throws, and gives no lines", async () => {
    await integrate({ url: "http://127.0.0.1:9/support" });
    const context = await gather({ email: "ada@example.com" });
    expect(context.user).toBeNull();
    expect(context.lines).toEqual([]);
    expect(context.failures).toEqual([{ action: "lookupUser", error: expect.stringContaining("could not reach") }]);
  });

  it("records a call that outlives its timeout and keeps what the other calls returned", async () => {
    // A proxy to the sample app that holds getPurchases past the per-call timeout.
    const slow = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString();
      if (body.includes('"getPurchases"')) await new Promise((r) => setTimeout(r, 600));
      const answer = await fetch(app.url, {
        method: "POST",
        headers: req.headers as Record<string, string>,
        body,
      }).catch(() => undefined);
      if (!answer) return res.destroy();
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(await answer.text());
    });
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/support`;
    await integrate({ url });
    const context = await gather({ email: "ada@example.com" }, { timeoutMs: 300 });
    slow.closeAllConnections();
    slow.close();
    expect(context.user?.id).toBe("usr_ada");
    expect(context.purchases).toEqual([]);
    expect(context.failures).toEqual([
      { action: "getPurchases", error: expect.stringContaining("took longer than 300 ms") },
    ]);
    expect(context.lines).toEqual(["Customer account usr_ada (Ada Lovelace, ada@example.com)."]);
  });
});
