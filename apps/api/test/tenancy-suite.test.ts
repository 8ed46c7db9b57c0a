import { isDeepStrictEqual } from "node:util";
import { changeApp, initProduct, OPERATOR, type Role } from "@support/core";
import { type FakeStripe, startFakeStripe } from "@support/payments/testing";
import { organizationRows } from "@support/product/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { OPERATIONS, type Operation, type OrgIds } from "./tenancy-operations.js";
import { type Org, seedOrganization, sessionCookie } from "./tenancy-seed.js";

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
