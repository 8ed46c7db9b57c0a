import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyVendorStatus,
  claimDelivery,
  createApp,
  createOrganization,
  type Database,
  findDeliveryByIdempotencyKey,
  isId,
  listDeliveriesForConversation,
  listSandboxMessages,
  markDeliveryAccepted,
  markDeliveryFailed,
  recordSandboxMessage,
} from "../src/index.js";
import { dialectCases } from "./harness.js";

for (const dialect of dialectCases) {
  if (dialect.skipReason) console.warn(`[skip] ${dialect.name} deliveries suite: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`deliveries and sandbox outbox on ${dialect.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await dialect.open();
    });
    afterAll(async () => {
      await database?.close();
    });
    const unique = () => Math.random().toString(36).slice(2, 10);

    async function orgWithApp() {
      const { db } = database;
      const org = await createOrganization(db, { name: "D", slug: `d-${unique()}` });
      const app = await createApp(db, org.id, { slug: "shop", name: "Shop" });
      return { org, app };
    }

    const newDelivery = (appId: string, idempotencyKey: string, channelKind = "whatsapp") => ({
      appId,
      conversationId: "cnv_test",
      channelKind,
      idempotencyKey,
      sandbox: false,
    });

    it("claims an idempotency key once per org; racing claims get the same delivery", async () => {
      const { db } = database;
      const { org, app } = await orgWithApp();
      const other = await orgWithApp();
      const claims = await Promise.all(
        [1, 2, 3, 4].map(() => claimDelivery(db, org.id, newDelivery(app.id, "reply-1"))),
      );
      expect(claims.filter((c) => c.created)).toHaveLength(1);
      expect(new Set(claims.map((c) => c.delivery.id)).size).toBe(1);
      expect(isId("delivery", claims[0]?.delivery.id ?? "")).toBe(true);
      expect(claims[0]?.delivery.status).toBe("queued");
      const elsewhere = await claimDelivery(db, other.org.id, newDelivery(other.app.id, "reply-1"));
      expect(elsewhere.created).toBe(true);
    });

    it("records sent and failed outcomes with attempts and the reason", async () => {
      const { db } = database;
      const { org, app } = await orgWithApp();
      const a = await claimDelivery(db, org.id, newDelivery(app.id, "a"));
      const sent = await markDeliveryAccepted(db, org.id, a.delivery.id, {
        status: "sent",
        vendorMessageId: "wamid.A",
        attempts: 2,
      });
      expect(sent).toMatchObject({ status: "sent", vendorMessageId: "wamid.A", attempts: 2 });
      expect(sent?.sentAt).toBeInstanceOf(Date);
      const b = await claimDelivery(db, org.id, newDelivery(app.id, "b"));
      const failed = await markDeliveryFailed(db, org.id, b.delivery.id, {
        reason: "400 invalid recipient",
        attempts: 1,
      });
      expect(failed).toMatchObject({ status: "failed", failureReason: "400 invalid recipient", attempts: 1 });
      expect((await findDeliveryByIdempotencyKey(db, org.id, "b"))?.status).toBe("failed");
    });

    it("moves state forward only, from vendor callbacks found by vendor message id", async () => {
      const { db } = database;
      const { org, app } = await orgWithApp();
      const other = await orgWithApp();
      const { delivery } = await claimDelivery(db, org.id, newDelivery(app.id, "c"));
      await markDeliveryAccepted(db, org.id, delivery.id, { status: "sent", vendorMessageId: "wamid.C", attempts: 1 });
      const update = { channelKind: "whatsapp", vendorMessageId: "wamid.C" };
      expect(await applyVendorStatus(db, other.org.id, { ...update, status: "read", at: new Date() })).toBeUndefined();
      const readAt = new Date("2026-01-02T03:04:05.000Z");
      const read = await applyVendorStatus(db, org.id, { ...update, status: "read", at: readAt });
      expect(read).toMatchObject({ status: "read", readAt, deliveredAt: readAt });
      const late = await applyVendorStatus(db, org.id, { ...update, status: "delivered", at: new Date() });
      expect(late).toMatchObject({ status: "read", deliveredAt: readAt });
      const afterRead = await applyVendorStatus(db, org.id, { ...update, status: "failed", at: new Date() });
      expect(afterRead?.status).toBe("read");
      expect(
        await applyVendorStatus(db, org.id, {
          channelKind: "whatsapp",
          vendorMessageId: "wamid.X",
          status: "sent",
          at: new Date(),
        }),
      ).toBeUndefined();
    });

    it("keeps a vendor-held draft queued until its send is reported", async () => {
      const { db } = database;
      const { org, app } = await orgWithApp();
      const { delivery } = await claimDelivery(db, org.id, newDelivery(app.id, "draft", "front"));
      const held = await markDeliveryAccepted(db, org.id, delivery.id, {
        status: "queued",
        vendorMessageId: "msg_d1",
        attempts: 1,
      });
      expect(held).toMatchObject({ status: "queued", vendorMessageId: "msg_d1", sentAt: null });
      const at = new Date("2026-02-03T04:05:06.000Z");
      const sent = await applyVendorStatus(db, org.id, {
        channelKind: "front",
        vendorMessageId: "msg_d1",
        status: "sent",
        at,
      });
      expect(sent).toMatchObject({ status: "sent", sentAt: at });
    });

    it("records a vendor-reported failure with its reason, and keeps it final", async () => {
      const { db } = database;
      const { org, app } = await orgWithApp();
      const { delivery } = await claimDelivery(db, org.id, newDelivery(app.id, "d"));
      await markDeliveryAccepted(db, org.id, delivery.id, { status: "sent", vendorMessageId: "wamid.D", attempts: 1 });
      const update = { channelKind: "whatsapp", vendorMessageId: "wamid.D" };
      const failed = await applyVendorStatus(db, org.id, {
        ...update,
        status: "failed",
        at: new Date(),
        reason: "131047 re-engagement message",
      });
      expect(failed).toMatchObject({ status: "failed", failureReason: "131047 re-engagement message" });
      const after = await applyVendorStatus(db, org.id, { ...update, status: "delivered", at: new Date() });
      expect(after?.status).toBe("failed");
      const listed = await listDeliveriesForConversation(db, org.id, "cnv_test");
      expect(listed.map((d) => d.id)).toEqual([delivery.id]);
    });

    it("records sandbox messages once per key and pages them newest first by app and channel", async () => {
      const { db } = database;
      const { org, app } = await orgWithApp();
      const second = await createApp(db, org.id, { slug: "other", name: "Other" });
      const record = (appId: string, key: string, channelKind: string) =>
        recordSandboxMessage(db, org.id, {
          appId,
          conversationId: "cnv_x",
          channelKind,
          idempotencyKey: key,
          recipient: "ada@example.com",
          subject: "Re: refund",
          text: `reply ${key}`,
          html: null,
        });
      const first = await record(app.id, "k1", "email");
      expect(isId("sandboxMessage", first.id)).toBe(true);
      expect((await record(app.id, "k1", "email")).id).toBe(first.id);
      await record(app.id, "k2", "whatsapp");
      await record(app.id, "k3", "email");
      await record(second.id, "k4", "email");

      const page1 = await listSandboxMessages(db, org.id, { appId: app.id, limit: 2 });
      expect(page1.data.map((m) => m.text)).toEqual(["reply k3", "reply k2"]);
      const page2 = await listSandboxMessages(db, org.id, {
        appId: app.id,
        limit: 2,
        cursor: page1.nextCursor ?? undefined,
      });
      expect(page2.data.map((m) => m.text)).toEqual(["reply k1"]);
      expect(page2.nextCursor).toBeNull();
      const emails = await listSandboxMessages(db, org.id, { appId: app.id, channel: "email", limit: 10 });
      expect(emails.data.map((m) => m.idempotencyKey)).toEqual(["k3", "k1"]);
      const foreign = await createOrganization(db, { name: "F", slug: `f-${unique()}` });
      expect((await listSandboxMessages(db, foreign.id, { appId: app.id, limit: 10 })).data).toEqual([]);
    });
  });
}
