import { isDeepStrictEqual } from "node:util";
import { advanceLead, changeApp, createProcedureTask, initProduct, OPERATOR, type Role } from "@support/core";
import { type FakeStripe, startFakeStripe } from "@support/payments/testing";
import { eventually, organizationRows, setDraftActions } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { OPERATIONS, type Operation, type OrgIds } from "./tenancy-operations.js";

/*
 * Issue 14, Done when: every operation of /openapi.json, called by every role of organization A
 * (API keys and a dashboard session) with organization B's ids, never reads or changes B's data;
 * and every operation refuses (403) the roles below its minimum. A route missing from
 * tenancy-operations.ts fails the suite.
 */

const ROLES: Role[] = ["agent", "admin", "owner"];
const RANK: Record<Operation["minRole"], number> = { public: 0, agent: 1, admin: 2, owner: 3 };
/** A word only organization B's customers and documents use: it must never reach A. */
const B_WORD = "Zephyrine";

interface Org {
  orgId: string;
  appId: string;
  ownerKey: string;
  signingSecret: string;
}

interface Caller {
  name: string;
  headers: Record<string, string>;
}

async function call(p: TestProduct, caller: Caller, request: ReturnType<Operation["request"]>, method: string) {
  // Changes without a body of their own send an empty JSON object, as the dashboard does.
  const json = !request.form && (request.body !== undefined || method !== "GET");
  const body = request.form ? request.form() : json ? JSON.stringify(request.body ?? {}) : undefined;
  const res = await p.api.request(request.path, {
    method,
    headers: { ...caller.headers, ...(json ? { "content-type": "application/json" } : {}) },
    body,
  });
  // The event stream never ends: its headers are the answer.
  if (res.headers.get("content-type")?.includes("text/event-stream")) {
    await res.body?.cancel();
    return { status: res.status, text: "" };
  }
  return { status: res.status, text: await res.text() };
}

const as =
  (p: TestProduct, key: string) =>
  (path: string, method = "GET", body?: unknown) =>
    jsonCall(p, path, { method, key, body });

/** One of everything the routes take, in one organization, through its own owner's API and webhooks. */
async function seedOrganization(p: TestProduct, org: Org, word: string): Promise<OrgIds> {
  const owner = as(p, org.ownerKey);
  const created = async (path: string, body?: unknown, method = "POST") => {
    const res = await owner(path, method, body);
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const source = await created("/api/v1/knowledge/sources", {
    app: org.appId,
    title: `${word} password help`,
    body: `To reset your ${word} password, open Settings, choose Security and press Reset password. A link arrives by email within a minute.`,
  });
  const spareSource = await created("/api/v1/knowledge/sources", {
    app: org.appId,
    title: `${word} opening hours`,
    body: `The ${word} shop is open from nine to five.`,
  });
  await eventually(
    async () => (await (await owner(`/api/v1/knowledge/sources?app=${org.appId}`)).json()).data,
    (list: { status: string }[]) => list.length === 2 && list.every((s) => s.status === "ready"),
    "the knowledge sources indexed",
    30_000,
  );
  const contact = (n: number) => `${word.toLowerCase()}-${n}@example.com`;
  const send = async (n: number, text: string) => {
    const raw = JSON.stringify({
      type: "message.received",
      id: `${word}-${n}`,
      customer: { email: contact(n), name: `${word} customer ${n}` },
      message: { text },
    });
    const res = await p.api.request(`/webhooks/generic/${org.appId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [org.signingSecret]) },
      body: raw,
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  };
  for (const n of [1, 2, 3]) await send(n, `Hi, how do I reset my ${word} password? I forgot it.`);
  await send(4, `I want to talk to a human about ${word}, please.`);
  const drafts = await eventually(
    async () => (await (await owner(`/api/v1/drafts?app=${org.appId}&limit=100`)).json()).data,
    (list: { status: string }[]) => list.filter((d) => d.status === "pending_approval").length >= 3,
    "three drafts waiting for approval",
    30_000,
  );
  const waiting = (drafts as { id: string; status: string; conversationId: string }[]).filter(
    (d) => d.status === "pending_approval",
  );
  const [first, second, third] = waiting;
  if (!first || !second || !third) throw new Error("drafts missing");
  await setDraftActions(p.runtime, org.orgId, first.id, [
    {
      id: "a1",
      action: "refund",
      input: { purchaseId: "pur_1", amount: 100 },
      risk: "approval_required",
      autoApprovable: false,
      reason: "the customer asked",
      via: "app",
    },
  ]);
  await created(`/api/v1/drafts/${third.id}/approve`, { text: `Your ${word} password link is on its way.` });
  const approved = await eventually(
    async () => (await (await owner(`/api/v1/drafts/${third.id}`)).json()) as { deliveryId: string | null },
    (d) => Boolean(d.deliveryId),
    "the approved reply delivered",
    30_000,
  );
  const notifications = await eventually(
    async () => (await (await owner("/api/v1/notifications")).json()).data as { id: string }[],
    (list) => list.length > 0,
    "the escalation notice",
    30_000,
  );
  const product = await created(`/api/v1/apps/${org.appId}/products`, {
    sku: `${word.toUpperCase()}-1`,
    title: `${word} basket`,
    priceMinor: 5000,
  });
  const spareProduct = await created(`/api/v1/apps/${org.appId}/products`, {
    sku: `${word.toUpperCase()}-2`,
    title: `${word} lamp`,
    priceMinor: 7000,
  });
  const quote = await created("/api/v1/quotes", {
    app: org.appId,
    conversation: first.conversationId,
    customer: { name: `${word} customer 1` },
    lines: [{ sku: product.sku, quantity: 1 }],
  });
  // The return template triggers on a default category; the 3d-intake template brings its own.
  const spareProcedure = await created(`/api/v1/apps/${org.appId}/procedures`, { template: "return-authorisation" });
  const procedure = await created(`/api/v1/apps/${org.appId}/procedures`, { template: "3d-intake" });
  await created(
    `/api/v1/apps/${org.appId}/categories`,
    {
      categories: [
        { name: `${word}_orders`, description: `${word} orders`, examples: ["where is my order"] },
        { name: `${word}_returns`, description: `${word} returns`, examples: ["I want to return it"] },
      ],
    },
    "PUT",
  );
  await created(
    `/api/v1/apps/${org.appId}/integration`,
    { url: "http://127.0.0.1:9/app", secret: `${word}-secret-000000` },
    "PUT",
  );
  const spareKey = await created("/api/v1/keys", { name: `${word} spare`, role: "agent" });
  const runs = (await (await owner("/api/v1/runs")).json()).data as { id: string }[];
  if (!runs[0] || !notifications[0] || !approved.deliveryId) throw new Error("run, notification or delivery missing");
  // A lead and a task of the product's own list, as the shop's conversation and a procedure make them.
  const conversation = (await (await owner(`/api/v1/conversations/${first.conversationId}`)).json()) as {
    contactId: string;
  };
  const { lead } = await advanceLead(p.runtime.database.db, org.orgId, {
    appId: org.appId,
    contactId: conversation.contactId,
    conversationId: first.conversationId,
    stage: "quoted",
    quote: { id: quote.id, totalMinor: 5000, currency: "MGA" },
  });
  const task = await createProcedureTask(p.runtime.contextFor(org.orgId, OPERATOR), {
    appId: org.appId,
    conversationId: first.conversationId,
    runId: runs[0].id,
    key: `${word}-task`,
    title: `Call the ${word} customer back`,
    description: `${word} customer 1 asked for a call.`,
  });
  // The chat widget on, so its public routes answer for a live widget (not "no such widget").
  await created(`/api/v1/apps/${org.appId}/widget/secret/rotate`);
  await created(
    `/api/v1/apps/${org.appId}/widget`,
    { enabled: true, allowedOrigins: [`https://${word.toLowerCase()}.example`] },
    "PATCH",
  );
  // After the task: with ClickUp connected, procedure tasks go there.
  await created(
    `/api/v1/apps/${org.appId}/tasks/clickup`,
    { token: `${word}-clickup-token`, listId: `${word}-list`, apiUrl: "http://127.0.0.1:9" },
    "PUT",
  );
  return {
    appId: org.appId,
    conversationId: first.conversationId,
    draftId: first.id,
    otherDraftId: second.id,
    deliveryId: approved.deliveryId,
    contactEmail: contact(1),
    sourceId: source.id,
    spareSourceId: spareSource.id,
    notificationId: notifications[0].id,
    productId: product.id,
    spareProductId: spareProduct.id,
    productSku: product.sku,
    quoteId: quote.id,
    procedureKey: procedure.key,
    spareProcedureKey: spareProcedure.key,
    spareKeyId: spareKey.id,
    runId: runs[0].id,
    leadId: lead.id,
    taskId: task.id,
  };
}

/** A dashboard session of a user who is a member of `orgId` with `role`. */
async function sessionCookie(p: TestProduct, orgId: string, role: Role): Promise<string> {
  const origin = p.runtime.config.publicUrl;
  const post = (path: string, body: unknown, cookie = "") =>
    p.api.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const cookieOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  const email = `tenancy-${role}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const signUp = await post("/api/auth/sign-up/email", { email, password: "correct horse battery", name: role });
  const user = (await signUp.json()).user as { id: string };
  await (await p.runtime.auth()).api.addMember({ body: { userId: user.id, organizationId: orgId, role } });
  const cookie = cookieOf(await post("/api/auth/sign-in/email", { email, password: "correct horse battery" }));
  const active = await post("/api/auth/organization/set-active", { organizationId: orgId }, cookie);
  return cookieOf(active) || cookie;
}

/** What B looks like through its own API: every read of the table, as B's owner. */
async function readThroughApi(p: TestProduct, b: Org, ids: OrgIds) {
  const reads: Record<string, string> = {};
  for (const operation of OPERATIONS) {
    const [method] = operation.op.split(" ");
    if (method !== "GET" || operation.minRole === "public" || operation.op === "GET /api/v1/events") continue;
    // Not B's data: a health probe of B's app, a rendering, a fresh OAuth state on every call.
    if (["/integration/health", "/pdf", "/stripe/connect"].some((end) => operation.op.endsWith(end))) continue;
    const res = await call(
      p,
      { name: "b", headers: { authorization: `Bearer ${b.ownerKey}` } },
      operation.request(ids),
      "GET",
    );
    // Moved by the reads themselves: the key's last use, the export's own time.
    reads[operation.op] = `${res.status} ${res.text.replace(/"(lastUsedAt|exportedAt)":"[^"]*"/g, "")}`;
  }
  return reads;
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] tenancy suite on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`tenancy suite on ${dialect.name}`, () => {
    let p: TestProduct;
    let stripe: FakeStripe;
    let a: Org;
    let b: Org;
    let aIds: OrgIds;
    let bIds: OrgIds;
    const keys = {} as Record<Role, string>;
    let callers: Caller[];

    beforeAll(async () => {
      stripe = await startFakeStripe();
      p = await openTestProduct(
        {
          ...dialect.env,
          STRIPE_SECRET_KEY: "sk_test_platform",
          STRIPE_WEBHOOK_SECRET: "whsec_tenancy",
          STRIPE_CLIENT_ID: "ca_platform",
          STRIPE_API_BASE: stripe.apiBase,
        },
        "Alpha",
        { pipeline: true },
      );
      a = p;
      const init = await initProduct(p.runtime.platform, { name: `${B_WORD} shop`, org: `${B_WORD} org` });
      b = {
        orgId: init.organization.id,
        appId: init.app.id,
        ownerKey: init.apiKey?.token ?? "",
        signingSecret: init.signingSecret ?? "",
      };
      await changeApp(p.runtime.contextFor(b.orgId, OPERATOR), b.appId, { settings: { debounceSeconds: 0 } });
      aIds = await seedOrganization(p, a, "Alphonse");
      bIds = await seedOrganization(p, b, B_WORD);
      // The pipeline's work is done; from here every change comes from the requests under test.
      await p.runtime.stop();
      for (const org of [a, b]) {
        const res = await jsonCall(p, "/api/v1/slack", {
          method: "PUT",
          key: org.ownerKey,
          body: {
            botToken: "xoxb-tenancy",
            signingSecret: "tenancy-signing",
            channelId: "C0TENANCY",
            app: org.appId,
            apiUrl: "http://127.0.0.1:9",
          },
        });
        expect(res.status).toBe(200);
        const { url } = await (
          await jsonCall(p, `/api/v1/apps/${org.appId}/stripe/connect`, { key: org.ownerKey })
        ).json();
        const state = new URL(url).searchParams.get("state") ?? "";
        const connected = await p.api.request(
          `/stripe/oauth/callback?state=${encodeURIComponent(state)}&code=${stripe.goodCode}`,
        );
        expect(connected.status).toBeLessThan(400);
      }
      keys.owner = a.ownerKey;
      keys.admin = await apiKeyFor(p.runtime, a.orgId, "admin");
      keys.agent = await apiKeyFor(p.runtime, a.orgId, "agent");
      const origin = p.runtime.config.publicUrl;
      callers = [
        ...ROLES.map((role) => ({ name: `${role} key`, headers: { authorization: `Bearer ${keys[role]}` } })),
        { name: "owner session", headers: { cookie: await sessionCookie(p, a.orgId, "owner"), origin } },
      ];
    }, 300_000);
    afterAll(async () => {
      await p.runtime.database.close();
      await stripe.close();
    });

    it("lists every operation of /openapi.json in the table, once", async () => {
      const doc = (await (await p.api.request("/openapi.json")).json()) as { paths: Record<string, object> };
      const published = Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      );
      const listed = OPERATIONS.map((o) => o.op);
      expect(published.filter((o) => !listed.includes(o))).toEqual([]);
      expect(listed.filter((o) => !published.includes(o))).toEqual([]);
      expect(new Set(listed).size).toBe(listed.length);
    });

    it("never answers A's callers with B's data, and leaves B unchanged", { timeout: 300_000 }, async () => {
      const rowsBefore = await organizationRows(p.runtime, b.orgId);
      const readsBefore = await readThroughApi(p, b, bIds);
      const anonymous: Caller = { name: "anonymous", headers: {} };
      const failures: string[] = [];
      let attempts = 0;
      for (const operation of [...OPERATIONS.filter((o) => !o.last), ...OPERATIONS.filter((o) => o.last)]) {
        const [method] = operation.op.split(" ") as [string];
        // A public route has credentials of its own (or none): A's keys and session must not open B's data either.
        const isPublic = operation.minRole === "public";
        const refusals = isPublic ? [401, 403, 404] : [403, 404];
        for (const caller of isPublic ? [anonymous, ...callers] : callers) {
          attempts++;
          const res = await call(p, caller, operation.request(bIds), method);
          const leaked = [b.orgId, B_WORD].filter((marker) => res.text.includes(marker));
          if (leaked.length)
            failures.push(`${operation.op} as ${caller.name}: ${res.status} carries ${leaked.join(", ")}`);
          if (operation.listFilter && res.status < 300) {
            if ((JSON.parse(res.text) as { data: unknown[] }).data.length !== 0)
              failures.push(`${operation.op} as ${caller.name} with B's ids: a non-empty list`);
          } else if (operation.namesData && !refusals.includes(res.status))
            failures.push(`${operation.op} as ${caller.name} with B's ids: ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
      const rowsAfter = await organizationRows(p.runtime, b.orgId);
      expect(Object.keys(rowsAfter).filter((table) => !isDeepStrictEqual(rowsAfter[table], rowsBefore[table]))).toEqual(
        [],
      );
      const readsAfter = await readThroughApi(p, b, bIds);
      expect(Object.keys(readsAfter).filter((read) => readsAfter[read] !== readsBefore[read])).toEqual([]);
      console.log(
        `tenancy: ${OPERATIONS.length} operations x ${callers.length} callers (${ROLES.join(", ")} keys, owner session; public routes anonymously too) = ${attempts} attempts with another organization's ids, 0 cross-tenant successes`,
      );
    });

    it("refuses (403) every role below an operation's minimum, and lets the minimum through", {
      timeout: 180_000,
    }, async () => {
      const failures: string[] = [];
      let refusals = 0;
      for (const operation of [...OPERATIONS.filter((o) => !o.last), ...OPERATIONS.filter((o) => o.last)]) {
        if (operation.minRole === "public") continue;
        const [method] = operation.op.split(" ") as [string];
        for (const role of ROLES.filter((r) => RANK[r] < RANK[operation.minRole])) {
          refusals++;
          const res = await call(
            p,
            { name: role, headers: { authorization: `Bearer ${keys[role]}` } },
            operation.request(aIds),
            method,
          );
          if (res.status !== 403) failures.push(`${operation.op} as ${role}: ${res.status}, expected 403`);
        }
        const minimum = operation.minRole;
        const res = await call(
          p,
          { name: minimum, headers: { authorization: `Bearer ${keys[minimum]}` } },
          operation.request(aIds),
          method,
        );
        // The control: A's own ids and the minimum role get past validation, lookup and the role check.
        if ([400, 401, 403, 404].includes(res.status) || res.status >= 500)
          failures.push(`${operation.op} as ${minimum} on A's own data: ${res.status} ${res.text.slice(0, 200)}`);
      }
      expect(failures).toEqual([]);
      console.log(`tenancy: role matrix, ${refusals} calls below the minimum role refused with 403`);
    });
  });
}
