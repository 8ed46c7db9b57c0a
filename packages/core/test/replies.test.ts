import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createWhatsAppReplyAdapter,
  createZendeskReplyAdapter,
  type ReplyAdapter,
  type ReplyTarget,
  statusFromWhatsApp,
} from "@support/channels";
import {
  applyVendorStatus,
  createApp,
  createOrganization,
  type Database,
  listDeliveriesForConversation,
  listSandboxMessages,
  openDatabase,
} from "@support/db";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createReplyAdapterRegistry, type ReplyAdapterRegistry, sendReply } from "../src/index.js";
import { AppError } from "../src/service/errors.js";
import { testContext, testPlatform } from "./harness.js";

/**
 * A vendor on 127.0.0.1 answering with the scripted statuses first, then success; it counts the
 * replies it accepted, which is what "delivered exactly once" means to the customer.
 */
interface Vendor {
  url: string;
  requests: number;
  accepted: unknown[];
  failNext: { status: number; body: unknown }[];
}

let server: Server;
let vendor: Vendor;

beforeEach(async () => {
  vendor = { url: "", requests: 0, accepted: [], failNext: [] };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      vendor.requests++;
      const failure = vendor.failNext.shift();
      res.setHeader("content-type", "application/json");
      if (failure) {
        res.statusCode = failure.status;
        res.end(JSON.stringify(failure.body));
        return;
      }
      vendor.accepted.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      const n = vendor.accepted.length;
      res.end(
        JSON.stringify(
          req.url?.startsWith("/api/v2/tickets/")
            ? { ticket: { id: 1 }, audit: { id: 10 + n, events: [{ id: 100 + n, type: "Comment" }] } }
            : { messaging_product: "whatsapp", contacts: [], messages: [{ id: `wamid.${n}` }] },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  vendor.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), "support-replies-")) });
  await database.migrate();
});
afterAll(() => database.close());

async function conversation(channel: ReplyTarget["channel"]): Promise<ReplyTarget> {
  const org = await createOrganization(database.db, { name: "R", slug: `r-${Math.random().toString(36).slice(2)}` });
  const app = await createApp(database.db, org.id, { slug: "shop", name: "Shop" });
  return {
    orgId: org.id,
    appId: app.id,
    conversationId: `cnv_${Math.random().toString(36).slice(2)}`,
    channel,
    externalId: "4242",
    contact: { email: "ada@example.com", phone: "+261341234567", name: "Ada" },
    subject: "Order",
    lastInboundAt: new Date(),
  };
}

const only = (adapter: ReplyAdapter) => async () => adapter;

/** The workflow's context in the target's organization, replying through `replies`. */
const contextFor = (target: ReplyTarget, replies: ReplyAdapterRegistry) =>
  testContext(testPlatform(database, { replies }), target.orgId);
const quick = { baseDelayMs: 1, maxDelayMs: 1 };

describe("sending a reply", () => {
  it("records it in the sandbox outbox when the channel has no credentials, once per key", async () => {
    const { db } = database;
    const target = await conversation("email");
    const registry = createReplyAdapterRegistry(db);
    const ctx = contextFor(target, registry);
    const first = await sendReply(ctx, target, { text: "Hello" }, { idempotencyKey: "draft-1" });
    const again = await sendReply(ctx, target, { text: "Hello" }, { idempotencyKey: "draft-1" });
    expect(first).toMatchObject({ status: "sent", sandbox: true, attempts: 1, channelKind: "email" });
    expect(again.id).toBe(first.id);
    const outbox = await listSandboxMessages(db, target.orgId, { appId: target.appId, limit: 10 });
    expect(outbox.data).toHaveLength(1);
    expect(outbox.data[0]).toMatchObject({ id: first.vendorMessageId, recipient: "ada@example.com", text: "Hello" });
  });

  it("delivers exactly once through a vendor that fails first, and a repeat call never reaches it", async () => {
    const { db } = database;
    const target = await conversation("zendesk");
    const adapter = createZendeskReplyAdapter({
      baseUrl: vendor.url,
      email: "agent@acme.test",
      apiToken: "t",
      authorId: 7,
      retry: quick,
    });
    const registry = createReplyAdapterRegistry(db, only(adapter));
    const ctx = contextFor(target, registry);
    vendor.failNext.push({ status: 500, body: { error: "InternalError" } });
    const delivery = await sendReply(ctx, target, { text: "Done" }, { idempotencyKey: "draft-2" });
    expect(delivery).toMatchObject({ status: "sent", attempts: 2, vendorMessageId: "101", sandbox: false });
    const repeat = await sendReply(ctx, target, { text: "Done" }, { idempotencyKey: "draft-2" });
    expect(repeat.id).toBe(delivery.id);
    expect(vendor.requests).toBe(2);
    expect(vendor.accepted).toHaveLength(1);
  });

  it("lets concurrent sends with one key reach the vendor once", async () => {
    const { db } = database;
    const target = await conversation("zendesk");
    const adapter = createZendeskReplyAdapter({ baseUrl: vendor.url, email: "a@b.c", apiToken: "t", authorId: 7 });
    const registry = createReplyAdapterRegistry(db, only(adapter));
    const ctx = contextFor(target, registry);
    const results = await Promise.all(
      [1, 2, 3].map(() => sendReply(ctx, target, { text: "Hi" }, { idempotencyKey: "draft-3" })),
    );
    expect(new Set(results.map((d) => d.id)).size).toBe(1);
    expect(vendor.accepted).toHaveLength(1);
  });

  it("stores a rejected send as failed with the vendor's reason, and does not retry it", async () => {
    const { db } = database;
    const target = await conversation("zendesk");
    const adapter = createZendeskReplyAdapter({ baseUrl: vendor.url, email: "a@b.c", apiToken: "t", authorId: 7 });
    const registry = createReplyAdapterRegistry(db, only(adapter));
    const ctx = contextFor(target, registry);
    vendor.failNext.push({ status: 422, body: { error: "RecordInvalid", description: "Ticket is closed" } });
    const delivery = await sendReply(ctx, target, { text: "Hi" }, { idempotencyKey: "draft-4" });
    expect(delivery).toMatchObject({ status: "failed", attempts: 1 });
    expect(delivery.failureReason).toMatch(/^vendor_rejected: Zendesk answered 422: .*Ticket is closed/);
    const [listed] = await listDeliveriesForConversation(db, target.orgId, target.conversationId);
    expect(listed?.status).toBe("failed");
    expect(vendor.requests).toBe(1);
  });

  it("follows WhatsApp status callbacks to read", async () => {
    const { db } = database;
    const target = await conversation("whatsapp");
    const adapter = createWhatsAppReplyAdapter({
      accessToken: "t",
      phoneNumberId: "1",
      baseUrl: vendor.url,
      retry: quick,
    });
    const registry = createReplyAdapterRegistry(db, only(adapter));
    const ctx = contextFor(target, registry);
    const delivery = await sendReply(ctx, target, { text: "Salama" }, { idempotencyKey: "draft-5" });
    expect(delivery).toMatchObject({ status: "sent", vendorMessageId: "wamid.1" });
    for (const status of ["delivered", "read"]) {
      const update = statusFromWhatsApp({ id: "wamid.1", status, timestamp: String(Math.floor(Date.now() / 1000)) });
      if (update) await applyVendorStatus(db, target.orgId, update);
    }
    const [stored] = await listDeliveriesForConversation(db, target.orgId, target.conversationId);
    expect(stored).toMatchObject({ status: "read" });
    expect(stored?.deliveredAt).toBeInstanceOf(Date);
  });

  it("only sends a reply to a conversation of the context's organization", async () => {
    const target = await conversation("email");
    const other = await conversation("email");
    const ctx = contextFor(other, createReplyAdapterRegistry(database.db));
    await expect(sendReply(ctx, target, { text: "Hello" }, { idempotencyKey: "k" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await listDeliveriesForConversation(database.db, target.orgId, target.conversationId)).toEqual([]);
  });

  it("rejects a missing idempotency key or an empty reply before claiming anything", async () => {
    const { db } = database;
    const target = await conversation("email");
    const registry = createReplyAdapterRegistry(db);
    const ctx = contextFor(target, registry);
    await expect(sendReply(ctx, target, { text: "x" }, { idempotencyKey: "" })).rejects.toBeInstanceOf(AppError);
    await expect(sendReply(ctx, target, { text: "  " }, { idempotencyKey: "k" })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await listDeliveriesForConversation(db, target.orgId, target.conversationId)).toEqual([]);
  });
});
