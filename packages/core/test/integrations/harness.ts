import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import {
  createApp,
  createOrganization,
  createSecretBox,
  type Database,
  type DraftRow,
  insertDraft,
  openDatabase,
  type SecretBox,
} from "@support/db";
import { createSampleApp } from "@support/example-sample-app";
import { type SampleStore, seededStore } from "@support/example-sample-app/store";
import type { Role } from "../../src/service/context.js";
import type { Platform } from "../../src/service/ports.js";
import { testContext, testPlatform } from "../harness.js";

export interface RunningSampleApp {
  url: string;
  store: SampleStore;
  close(): Promise<void>;
}

/** The sample product app from examples/, served on 127.0.0.1 with the secrets it accepts. */
export async function startSampleApp(secrets: string[], store: SampleStore = seededStore()): Promise<RunningSampleApp> {
  const app = createSampleApp({ store, secrets });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}/support`,
        store,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export interface TestTenant {
  database: Database;
  secrets: SecretBox;
  platform: Platform;
  orgId: string;
  appId: string;
}

export async function openTestTenant(): Promise<TestTenant> {
  const database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), "support-integrations-")) });
  await database.migrate();
  const org = await createOrganization(database.db, {
    name: "Shop",
    slug: `shop-${Math.random().toString(36).slice(2, 8)}`,
  });
  const app = await createApp(database.db, org.id, { slug: "courses", name: "Courses" });
  const secrets = createSecretBox({ 1: Buffer.alloc(32, 7) }, 1);
  return { database, secrets, platform: testPlatform(database, { secrets }), orgId: org.id, appId: app.id };
}

/** A caller in the tenant's organization: an admin unless told otherwise. */
export function tenantContext(tenant: TestTenant, role: Role = "admin") {
  return testContext(tenant.platform, tenant.orgId, role);
}

/** A pending draft to hang actions on, as the pipeline would have stored it. */
export async function pendingDraft(
  tenant: TestTenant,
  conversationId = `cnv_${Math.random().toString(36).slice(2)}`,
  over: Partial<DraftRow> = {},
) {
  return insertDraft(tenant.database.db, {
    orgId: tenant.orgId,
    appId: tenant.appId,
    conversationId,
    messageId: `msg_${Math.random().toString(36).slice(2)}`,
    status: "pending_approval",
    category: "billing",
    text: "We can refund this purchase.",
    citations: [],
    triage: {},
    gates: [],
    decision: {},
    usage: [],
    traceId: "trace",
    sentText: null,
    deliveryId: null,
    decidedBy: null,
    decidedAt: null,
    decidedVia: null,
    reason: null,
    remindedAt: null,
    customer: null,
    actions: null,
    ...over,
  });
}
